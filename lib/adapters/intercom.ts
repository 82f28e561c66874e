import { defineAdapter } from './types';

// Intercom Inbox (Ember app on app.intercom.com and its EU / AU regions). Selectors follow
// tests/fixtures/adapters/intercom-conversation.html; "inbox2__" classes are being renamed "inbox-2__", so both match.
export default defineAdapter({
  id: 'intercom',
  name: 'Intercom Inbox',
  kind: 'helpdesk',
  hosts: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  // The conversation details sidebar (right-hand panel of the Inbox).
  fingerprint: '.inbox2__conversation-details-sidebar, .inbox-2__conversation-details-sidebar',
  // /a/inbox/<app>/inbox/conversation/<id>, also from a folder: …/inbox/shared/all/conversation/<id>.
  pages: /\/a\/inbox\/[^/]+\/inbox\/(?:[^?#]*\/)?conversation\/\d+/,
  // The open conversation page: the conversation and its details sidebar (not the inbox list).
  scope: '.inbox2__conversation-page, .inbox-2__conversation-page',
  customer: {
    // The user's attribute rows in the details sidebar, keyed by the attribute's API name.
    emails: '[class*="conversation-details-sidebar"] [data-attribute-identifier="email"] [class*="attribute-value"]',
    phones: '[class*="conversation-details-sidebar"] [data-attribute-identifier="phone"] [class*="attribute-value"]',
    names: '[data-inbox-conversation-header-title], [class*="conversation-details-sidebar"] [class*="__user-name"]',
  },
  exclude: [
    '[data-primary-nav-container]', // nav rail with the logged-in teammate's menu
    '[data-part-group-category="3"]', // teammate replies (sent from the support address, signed)
    '.channels__inbox__email-metadata-container', // From / To lines of email parts: the support mailbox
    '[class*="__composer__container"]', // reply composer and its "from" address
  ].join(', '),
});
