import { defineAdapter } from './types';

// Outlook on the web (Microsoft 365, Outlook.com): the message or conversation open in the reading pane. Ids and
// data- hooks are the ones public Outlook extensions read (#ReadingPaneContainerId, data-app-section, data-convid,
// SentReceivedSavedTime); span.OZZZK (sender persona) and div.IovuJ (recipients) are hashed classes of current builds.
export default defineAdapter({
  id: 'outlook',
  name: 'Outlook on the web',
  kind: 'mail',
  hosts: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  // The reading pane container: only OWA renders it.
  fingerprint: 'div#ReadingPaneContainerId',
  // /mail/inbox/id/AAQk…, /mail/0/inbox/id/…, /mail/id/…, /mail/deeplink/read/AAMk…
  pages: /\/mail\/(?:[^?#]*\/)?(?:id|read)\/[^/?#]+/,
  scope: '#ReadingPaneContainerId',
  customer: {
    // Sender persona of an expanded message: name, then "<address>".
    emails: '.aVla3 span.OZZZK',
    names: '.aVla3 span.OZZZK > span:first-child',
    // Leaf lines of the message body (the customer's own signature); quoted history is excluded below.
    phones: 'div[role=document] :is(div, p, td, li):not(:has(div, p, td, li))',
  },
  exclude: [
    // Suite header and the me control (signed-in account name and address).
    '#O365_NavHeader',
    '#mectrl_main_body',
    // To/Cc lines: the support mailbox, the agent.
    'div.IovuJ',
    // "mar. 14/05/2024 10:12" would read as a phone number.
    '[data-testid="SentReceivedSavedTime"]',
    // Quoted history under Outlook's reply header (received HTML has its ids prefixed x_): the agent's earlier reply,
    // "De : Thomas Girard <…>", and its signature. A top-level #x_Signature is not excluded: customers who write from
    // Outlook.com / Hotmail have one too.
    '[id$="divRplyFwdMsg"]',
    '[id$="divRplyFwdMsg"] ~ *',
  ].join(', '),
});
