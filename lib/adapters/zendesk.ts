import { defineAdapter } from './types';

// Zendesk Agent Workspace, ticket view. The data-test-id hooks are Zendesk's own (React/Garden UI); the ones used
// here are those public userscripts rely on (holatuwol/liferay-zendesk-userscript, Tampermonkey/Toggl scripts):
// omni-log-*, ticket-system-field-requester-select, customer-context-*, header-tab, .workspace/.property_box.
export default defineAdapter({
  id: 'zendesk',
  name: 'Zendesk Agent Workspace',
  kind: 'helpdesk',
  hosts: ['https://*.zendesk.com/*'],
  // The ticket conversation pane (side-conversations anchor) and its omni log exist only in Zendesk's agent UI; they
  // recognize host-mapped accounts (support.example.com) too.
  fingerprint: '[data-side-conversations-anchor-id], [data-test-id="omni-log-container"]',
  pages: /\/agent\/tickets\/\d+/,
  // Every open ticket tab keeps its `.workspace` in the DOM; the inactive ones are display: none.
  scope: '.workspace',
  customer: {
    // Customer context panel (right): the requester's identities, email as a mailto: link, phone as text.
    emails: '[data-test-id="customer-context-pane"] a[href^="mailto:"]',
    phones: '[data-test-id="customer-context-pane"] [data-test-id="customer-context-phone"]',
    // Requester field of the ticket properties (left) and the name heading of the context panel.
    names: '[data-test-id="ticket-system-field-requester-select"], [data-test-id="customer-context-name"]',
  },
  exclude: [
    // Top bar: the logged-in agent's profile menu and the ticket tabs.
    '[data-test-id="header-toolbar"]',
    // Agent replies and internal notes (signatures with the company's phone and support address).
    '[data-test-id="omni-log-item-message"][type="agent"]',
    // "To" line of email messages: the support mailbox the customer wrote to.
    '[data-test-id="omni-log-item-recipients"]',
    // Assignee field and the reply composer (agent's draft, sending address).
    '[data-test-id="assignee-field"]',
    '[data-test-id="omnicomposer"]',
  ].join(', '),
});
