import { defineAdapter } from './types';

// Gmail, an opened conversation. Class names are Gmail's own obfuscated ones, the ones public extensions and
// userscripts read (span.gD[email] sender, span.go address, h2.hP subject, div.adn.ads expanded message, div.a3s body).
export default defineAdapter({
  id: 'gmail',
  name: 'Gmail',
  kind: 'mail',
  hosts: ['https://mail.google.com/*'],
  // An expanded message's sender, carrying the `email` attribute only Gmail renders.
  fingerprint: 'div.adn.ads span.gD[email]',
  // The hash names the thread: #inbox/FMfcgz…, #label/SAV/FMfcgz…, #search/lampe/FMfcgz…, #sent/18f76c2a9e1b4d30.
  pages: /#\S*?\/(?:FMfcg[A-Za-z0-9]{20,}|[0-9a-f]{16})(?![A-Za-z0-9])/,
  // One div[role=main] per view; the inbox list stays in the DOM, display: none, while a thread is open.
  scope: 'div[role=main]',
  customer: {
    // Sender line of each expanded message: "Océane Moreau <oceane.moreau@yahoo.fr>".
    emails: 'div.adn.ads h3.iw span.go',
    names: 'div.adn.ads h3.iw span.gD',
    // Leaf lines of message bodies (the customer's signature); quoted history is excluded below.
    phones: 'div.adn.ads div.a3s :is(div, p, td, li):not(:has(div, p, td, li))',
  },
  exclude: [
    // The Google bar: account button "Google Account: Name (address)".
    '#gb',
    // The agent's own messages: Gmail ids messages sent from this account "msg-a:…", received ones "msg-f:…".
    'div.adn[data-message-id*="msg-a:"]',
    // Recipient lines and the details card: the support mailbox the customer wrote to.
    'span.hb',
    'div.ajA',
    // Quoted history: trimmed content (div.adL, div.h5), Gmail/Apple quotes, Outlook reply headers (ids prefixed
    // m_…) and what follows them.
    'div.adL',
    'div.h5',
    '.gmail_quote',
    'blockquote',
    '[id$="divRplyFwdMsg"]',
    '[id$="divRplyFwdMsg"] ~ *',
  ].join(', '),
});
