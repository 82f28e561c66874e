import { defineAdapter } from './types';

// Salesforce Lightning (Service Console and standard navigation), Case, Contact and Lead record pages. Every field of
// a record layout (records-record-layout-item, the Aura-era force-record-layout-item of related record cards) wraps
// its value in div[data-target-selection-name="sfdc:RecordField.<Object>.<Field>"], whatever the org's language;
// these are the hooks public page objects and userscripts select on (Case.CaseNumber, Case.Subject, Case.OwnerId…).
// Values render as lightning-formatted-email (mailto:), lightning-formatted-phone (tel:) and force-lookup links.
const fields = (names: string[], inner = '') =>
  names.map((name) => `[data-target-selection-name="sfdc:RecordField.${name}"]${inner}`).join(', ');

export default defineAdapter({
  id: 'salesforce',
  name: 'Salesforce Lightning Service Console',
  kind: 'crm',
  hosts: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  // The Lightning record page host and the console's workspace tab set: Salesforce's own components; they recognize
  // Lightning on hosts outside the patterns (Government Cloud, reverse proxies) and in saved pages.
  fingerprint: 'one-record-home-flexipage2, .oneConsoleTabset, records-lwc-highlights-panel',
  // /lightning/r/Case/500…/view, /lightning/r/Contact/003…/view, /lightning/r/Lead/00Q…/view (object name optional).
  pages: /\/lightning\/r\/(?:\w+\/)?(?:500|003|00Q)\w{12,15}\/view/,
  // The console keeps every workspace tab and subtab (section.tabContent.oneConsoleTab) in the DOM, the inactive ones
  // display: none; each page lives in a div.lafPageHost. Standard navigation caches pages as .oneContent.lafPageHost.
  scope: '.oneConsoleTab .lafPageHost, .oneContent.lafPageHost',
  customer: {
    // Case: the Contact's fields and the Email-to-Case / Web-to-Case sender; Contact and Lead records: their own.
    emails: fields(['Case.ContactEmail', 'Case.SuppliedEmail', 'Contact.Email', 'Lead.Email']),
    phones: fields([
      'Case.ContactPhone',
      'Case.ContactMobile',
      'Case.SuppliedPhone',
      'Contact.Phone',
      'Contact.MobilePhone',
      'Lead.Phone',
      'Lead.MobilePhone',
    ]),
    names: `${fields(['Case.ContactId'], ' force-lookup a')}, ${fields(['Contact.Name', 'Lead.Name'], ' lightning-formatted-name')}`,
  },
  exclude: [
    // Global header: the logged-in user's avatar and profile card (name, username).
    '#oneHeader',
    '.oneUserProfileCard',
    // Feed publisher: the email action's From (org-wide support address) and the agent's signature.
    '.forceChatterPublisherPresentationDesktop',
    // Email feed items: the agent's replies with signatures, From/To headers with the support mailbox, quoted threads.
    // The customer's own identifiers are the Case's Contact fields above.
    '.cuf-feedItem[data-type="EmailMessageEvent"]',
    // Case Owner lookup (the agent) and the utility bar (Omni-Channel, softphone).
    fields(['Case.OwnerId']),
    '.oneUtilityBar',
  ].join(', '),
});
