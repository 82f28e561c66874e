import { defineAdapter } from './types';

// Genesys Cloud agent UI (the Ember "directory" app on apps.mypurecloud.* and apps.<region>.pure.cloud), Interactions
// panel. Selectors follow tests/fixtures/adapters/genesys-incoming.html; the panel's inner class names are
// reconstructed from Genesys' documentation and should be checked against the live app.
export default defineAdapter({
  id: 'genesys',
  name: 'Genesys Cloud',
  kind: 'softphone',
  hosts: [
    'https://apps.mypurecloud.com/*',
    'https://apps.mypurecloud.ie/*',
    'https://apps.mypurecloud.de/*',
    'https://apps.mypurecloud.jp/*',
    'https://apps.mypurecloud.com.au/*',
    'https://*.pure.cloud/*', // apps.usw2.pure.cloud, apps.euw2.pure.cloud, apps.cac1.pure.cloud…
  ],
  // An Ember application using Genesys Spark web components (gux-*): only Genesys Cloud has both.
  fingerprint: 'body.ember-application gux-icon[icon-name]',
  // The Interactions panel opens over the agent's views: #/activity, the interactions routes, the legacy agent view.
  pages: /\/directory\/#\/(?:activity|interactions?|engage\/agent)\b/,
  // The selected interaction; the views of other interactions (after-call work) stay rendered but hidden.
  scope: '.interaction-view',
  customer: {
    // "Appel entrant de <ANI>" and the ANI row of the details; a name only once linked to an external contact.
    phones: '.participant-ani, .interaction-detail-ani',
    names: '.external-contact-name',
  },
  exclude: [
    '.top-bar', // the agent's presence picker (name, email, phone)
    '.presence-picker',
    '.interaction-roster', // the other interactions of the roster
    '.calls-panel', // call history and dialpad
    '.interaction-detail-dnis', // the number the caller dialled: the company's line
    '.script-panel', // agent scripts, with the company's own numbers
  ].join(', '),
});
