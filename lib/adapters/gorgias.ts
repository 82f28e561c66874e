import { defineAdapter } from './types';

// Gorgias helpdesk (React app on <account>.gorgias.com). Selectors follow tests/fixtures/adapters/gorgias-ticket.html.
export default defineAdapter({
  id: 'gorgias',
  name: 'Gorgias',
  kind: 'helpdesk',
  hosts: ['https://*.gorgias.com/*'],
  // The right-hand customer sidebar ("infobar") with an integration widget: only Gorgias renders this pair.
  fingerprint: '.infobar .widget[data-widget-type][data-integration-name]',
  // A ticket opened on its own (/app/ticket/<id>) or from a view's split list (/app/views/<view>/<id>).
  pages: /\/app\/(?:ticket|views\/\d+)\/\d+/,
  // Ticket page: the ticket column and the customer sidebar beside it.
  scope: 'main.app-content',
  customer: {
    // The infobar lists the customer's channels (API vocabulary: channel type "email" / "phone" + address).
    emails: '.infobar-customer [data-channel-type="email"] .channel-address',
    phones: '.infobar-customer [data-channel-type="phone"] .channel-address',
    names: '.infobar-customer .customer-name',
    // Order cards of the Shopify widget: "#MLF-204518".
    orders: '.widget[data-widget-type="shopify"] .widget-order .order-name',
  },
  exclude: [
    '.user-menu', // logged-in agent (bottom of the left navbar)
    '.ticket-message[data-from-agent="true"]', // agent replies (sent from the support address, signed) and notes
    '.reply-channel', // "From: Maison Lumière <support@…>" selector of the reply editor
  ].join(', '),
  // Shopify order names: "#1234", or with the store's prefix, "#MLF-204518".
  orderPattern: /#[A-Z]{0,6}-?\d{4,10}\b/g,
});
