import { defineAdapter } from './types';

// Aircall Workspace (workspace.aircall.io) and the Aircall phone (phone.aircall.io). Aircall's front end exposes
// data-test hooks (the ones public Cypress suites of the phone use: via-line, contact-name, tab-bar-keypad…).
// Selectors follow tests/fixtures/adapters/aircall-incoming.html.
export default defineAdapter({
  id: 'aircall',
  name: 'Aircall Workspace',
  kind: 'softphone',
  hosts: ['https://workspace.aircall.io/*', 'https://phone.aircall.io/*'],
  // The "via <line>" row of a ringing or live call, and the phone's keypad tab.
  fingerprint: '[data-test="via-line"], [data-test="tab-bar-keypad"]',
  // A single-page app: the ring pop-up shows over the inbox, the conversations, the keypad, or the call routes.
  pages: /\/(?:inbox|conversations|contacts|keyboard|ringing|incall|inbound)\b/,
  // The ringing (or answered) call of the phone panel, not the inbox list behind it.
  scope: '[data-test="ringing-view"], [data-test="incall-view"]',
  customer: {
    // The caller's number under the contact's name (the name only when Aircall knows the contact).
    phones: '[data-test="caller-number"]',
    names: '[data-test="contact-name"]',
  },
  exclude: [
    '[data-test="via-line"]', // the company's Aircall line the call came in on, and its number
    '[data-test="workspace-sidebar"]', // the agent's availability menu, name, email and direct line
    '[data-test="availability-menu"]',
    '[data-test="conversations-list"]', // other people's conversations and calls (history)
    '[data-test="call-history"]',
    '[data-test="contacts-list"]', // the shared contacts directory
    '[data-test="outbound-line"]', // "call from" line of the keypad
  ].join(', '),
});
