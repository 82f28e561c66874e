import { defineAdapter } from './types';

// HubSpot: the Service Hub Help Desk ticket view and the CRM contact record. HubSpot's React UI carries stable
// data-test-id / data-selenium-test hooks (class names are styled-components hashes that change every build); the ones
// used here are those public extensions and userscripts rely on (clockify, toggl, ticket helpers, record annotators).
export default defineAdapter({
  id: 'hubspot',
  name: 'HubSpot Help Desk and CRM',
  kind: 'crm',
  // app.hubspot.com (NA1) and the regional data centres: app-eu1, app-na2, app-ap1…
  hosts: ['https://*.hubspot.com/*'],
  // The global toolbar and the apps' own roots: the Help Desk workspace, and a record's highlight card.
  fingerprint:
    '#hs-global-toolbar, #hs-nav-v4, [data-application-name="svh-help-desk"], [data-card-type="OBJECT_HIGHLIGHT"]',
  // /help-desk/{portal}/view/{view}/ticket/{id}[/thread/…], /contacts/{portal}/record/0-1/{id} (legacy /contact/{id}).
  pages: /\/help-desk\/\d+\/.*\bticket\/\d+|\/contacts\/\d+\/(?:record\/0-1|contact)\/\d+/,
  // No scope: the Help Desk re-renders the one open ticket, and the ticket list next to it shows names only.
  customer: {
    // Help Desk: the Requester card's contact chicklet (mailto:/tel: links). Contact record: the highlight card and the
    // "About this contact" properties (property-input-<internal property name>, whatever the portal's language).
    emails:
      '[data-selenium-test="contact-chicklet-email"], [data-test-id="highlight-property-display-email"], ' +
      '[data-selenium-test="property-input-email"]',
    phones:
      '[data-selenium-test="contact-chicklet-phone"], [data-test-id="highlight-property-display-phone"], ' +
      '[data-test-id="highlight-property-display-mobilephone"], [data-selenium-test="property-input-phone"], ' +
      '[data-selenium-test="property-input-mobilephone"]',
    // The ticket header's contact link, the chicklet title, and a contact's (0-1) highlight card title.
    names:
      '[data-test-id="ticket-header-contact-detail-link"] [data-content="true"], ' +
      '[data-selenium-test="contact-chicklet-title-link"], ' +
      '[data-card-type="OBJECT_HIGHLIGHT"][data-card-id*="-0-1-"] [data-test-id="highlight-record-label"]',
  },
  exclude: [
    // Global toolbar and account menu (the logged-in user's name and email), older top nav.
    '#hs-global-toolbar',
    '#hs-nav-v4',
    // Help Desk thread: the agent's replies with signatures, the support inbox in From/To chips, quoted history.
    // The customer's identifiers are read from the Requester card instead.
    '[data-test-id="inbox-thread-loaded"]',
    // Reply composer: the From inbox (support address) and the agent's signature.
    '#reply-editor',
    // Contact record activity timeline: tracked emails from the agent (signatures, the support inbox).
    '[data-test-id="crm-events-viz-timeline"]',
  ].join(', '),
});
