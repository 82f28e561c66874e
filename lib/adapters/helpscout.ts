import { defineAdapter } from './types';

// Help Scout (secure.helpscout.net), built on its design system hsds-react. Selectors follow
// tests/fixtures/adapters/helpscout-conversation.html.
export default defineAdapter({
  id: 'helpscout',
  name: 'Help Scout',
  kind: 'helpdesk',
  hosts: ['https://secure.helpscout.net/*'],
  // The conversation header's action bar (hook used by the Toggl and Clockify extensions).
  fingerprint: '[data-cy="ConversationHeader.Actions"]',
  // /conversation/<id>/<number>, optionally ?folderId=…
  pages: /\/conversation\/\d+\/\d+/,
  customer: {
    // Customer profile sidebar: hsds EditableFields keep the full value in their input (the visible mask splits
    // emails at "@"), typed email / tel.
    emails: '[data-cy="ConversationSidebar"] .c-EditableField input.FieldInput__input[type="email"]',
    phones: '[data-cy="ConversationSidebar"] .c-EditableField input.FieldInput__input[type="tel"]',
    names: '[data-cy="ConversationSidebar"] .CustomerProfile__name',
  },
  exclude: [
    '.AccountDropdown', // logged-in user (top bar)
    '.MailboxSwitcher', // mailbox name and its support address
    'article.thread.message', // replies from the team (from the mailbox address, signed)
    'article.thread.note', // private notes
    '[data-cy="ReplyFrom"]', // "From: Maison Lumière <support@…>" of the reply editor
  ].join(', '),
});
