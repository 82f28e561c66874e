import { defineAdapter } from './types';

// Ringover web app (app.ringover.com, also the page the Ringover desktop client wraps). No public source documents
// its markup: the selectors follow the reconstruction in tests/fixtures/adapters/ringover-incoming.html and should be
// checked against the live app.
export default defineAdapter({
  id: 'ringover',
  name: 'Ringover',
  kind: 'softphone',
  hosts: ['https://app.ringover.com/*'],
  // The call box of a ringing or live call, and the app's main menu.
  fingerprint: '.ringover-callbox, .ringover-menu',
  // A single-page app: the call box shows over the call logs, contacts, SMS and chat pages, or /call/<number>.
  pages: /\/(?:call-logs|calls?|contacts|sms|chat)\b/,
  // The call box, not the call logs behind it.
  scope: '.ringover-callbox',
  customer: {
    // The caller's number; the name only when Ringover matched the number to a contact.
    phones: '.ringover-callbox__number',
    names: '.ringover-callbox__name',
  },
  exclude: [
    '.ringover-callbox__line', // the company's Ringover number the call came in on
    '.ringover-menu', // the agent's status card (name, email, direct line)
    '.ringover-user-status',
    '.ringover-calllogs', // other people's calls
    '.ringover-contacts', // the contacts directory
  ].join(', '),
});
