import { defineAdapter } from './types';

// Front (app.frontapp.com). Its styled-components class names keep the component name and change their hash on each
// deploy, hence [class*="component__StyledPart"]. Selectors follow tests/fixtures/adapters/front-conversation.html.
export default defineAdapter({
  id: 'front',
  name: 'Front',
  kind: 'helpdesk',
  hosts: ['https://*.frontapp.com/*'],
  // The conversation viewer (data-testid="viewer-<id>"), as used by the Central extension.
  fingerprint: '[class*="viewer__StyledViewerDiv"][data-testid^="viewer-"]',
  // /open/cnv_<id>, or a conversation inside an inbox: /inboxes/…/t/<id> or …/open/<id>.
  pages: /\/open\/(?:cnv_)?[a-z0-9]+|\/inboxes\/[^?#]+\/(?:t|open)\/[a-z0-9_]+/i,
  // Front keeps previously opened conversations mounted but hidden: read the visible one.
  scope: '[class*="conversationPanel__StyledPanelDiv"]',
  customer: {
    // Contact panel: the contact's handles by source (Front's contact API: email, phone…).
    emails: '[class*="contactHandle__StyledHandleDiv"][data-handle-source="email"] [class*="StyledValueSpan"]',
    phones: '[class*="contactHandle__StyledHandleDiv"][data-handle-source="phone"] [class*="StyledValueSpan"]',
    names: '[data-testid="contactPanel"] [data-testid="contactName"]',
  },
  exclude: [
    '[class*="teammateMenu__"]', // logged-in teammate
    '[data-testid="message-outbound"]', // messages sent by the team (from the shared inbox address, signed)
    '[data-testid="comment"]', // internal comments
    '[class*="composerHeader__StyledFromDiv"]', // "De : Support Maison Lumière <support@…>" of the composer
  ].join(', '),
});
