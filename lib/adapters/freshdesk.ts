import { defineAdapter } from './types';

// Freshdesk (Freshworks "mint" agent UI, Ember), ticket details /a/tickets/<id>. Selectors are the data-test-id
// hooks public userscripts and extensions read on this page (bubbleupdotnet/freshdesk add_info_links, LauraSWP
// fd-quicktool, Kodex context bridge): requester-info-contact-<field> .info-details-content in the contact details
// widget, tkt-properties-<field>, .sender-info [data-test-id="user-name"], .emails-info, #ticket_original_request.
export default defineAdapter({
  id: 'freshdesk',
  name: 'Freshdesk',
  kind: 'helpdesk',
  hosts: ['https://*.freshdesk.com/*'],
  // Ticket properties form and contact details widget: hook names only Freshdesk uses (custom support domains too).
  fingerprint: '[data-test-id^="tkt-properties-"], [data-test-id^="requester-info-contact-"]',
  pages: /\/a\/tickets\/\d+/,
  customer: {
    // Contact details widget (right sidebar): one block per contact field, its value in .info-details-content.
    emails: '[data-test-id="requester-info-contact-email"] .info-details-content',
    phones: [
      '[data-test-id="requester-info-contact-phone"] .info-details-content',
      '[data-test-id="requester-info-contact-mobile"] .info-details-content',
    ].join(', '),
    // Widget heading, and the requester's name over the original request.
    names: '.widget-requestor-info [data-test-id="user-name"], .requester-wrap .sender-info [data-test-id="user-name"]',
  },
  exclude: [
    // Top bar with the logged-in agent's profile menu.
    '.app-header',
    // From/To/Cc lines of each message: the support mailbox.
    '.emails-info',
    // Agent replies, private notes and forwards (signatures with the company phone and address).
    '.conversation-item[data-user-type="agent"]',
    // Reply editor (From: support mailbox, agent signature) and the ticket's Agent field.
    '.reply-editor',
    '[data-test-id="tkt-properties-agent"]',
  ].join(', '),
});
