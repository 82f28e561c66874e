import { defineAdapter } from './types';

// Twilio Flex agent desktop (flex.twilio.com, Flex UI 2.x). Flex's components carry stable "Twilio-<Component>" class
// names (the hooks Flex plugins and theme overrides use) next to hashed emotion classes. Selectors follow
// tests/fixtures/adapters/twilioflex-incoming.html.
export default defineAdapter({
  id: 'twilioflex',
  name: 'Twilio Flex',
  kind: 'softphone',
  hosts: ['https://flex.twilio.com/*'],
  // The agent desktop view and the task canvas header exist only in Flex UI.
  fingerprint: '.Twilio-AgentDesktopView-default, .Twilio-TaskCanvasHeader',
  // /agent-desktop/, the view where tasks ring (a single-page app, also with a task sid: /agent-desktop/WT…).
  pages: /\/agent-desktop\b/,
  // The canvas of the selected task, not the task list with the agent's other tasks.
  scope: '.Twilio-TaskCanvas',
  customer: {
    // The task's "from" (the caller's number; Flex shows a name there only when a CRM plugin sets one).
    phones: '.Twilio-TaskCanvasHeader-Name, .Twilio-IncomingTaskCanvas-FirstLine',
  },
  exclude: [
    '.Twilio-MainHeader', // the logged-in worker's card and activity menu
    '.Twilio-TaskList-default', // the agent's other tasks (other callers, chats being wrapped up)
    '.Twilio-TaskInfoPanel-default', // task context, with the number the caller dialled (the company's line)
  ].join(', '),
});
