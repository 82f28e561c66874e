import { defineAdapter } from './types';

// Zammad agent UI (the classic CoffeeScript/jQuery app), ticket zoom /#ticket/zoom/<id>. Class names come from
// Zammad's own templates (zammad/zammad app/assets/javascripts/app/views: ticket_zoom, ticket_zoom/article_view,
// generic/sidebar_tabs, widget/user) and App.TaskManager, which renders every open tab into
// #content_permanent_<key> and hides the inactive ones with .hide.
export default defineAdapter({
  id: 'zammad',
  name: 'Zammad',
  kind: 'helpdesk',
  hosts: ['https://*.zammad.com/*'],
  // TaskManager's tab containers exist on every screen of a Zammad install, hosted or self-hosted, and nowhere else.
  fingerprint: '[id^="content_permanent_"]',
  pages: /#ticket\/zoom\/\d+/,
  // One container per open ticket tab (task key "Ticket-<id>"); the first visible one is the ticket on screen.
  scope: '[id^="content_permanent_Ticket-"]',
  customer: {
    // "Customer" sidebar tab (widget/user): a .sidebar-block per user attribute. Email is printed as plain text,
    // phone/mobile as tel: links (App.Utils.phoneify); the name is the block's h3.
    emails: '.sidebar[data-tab="customer"] .sidebar-content > .sidebar-block',
    phones: '.sidebar[data-tab="customer"] .sidebar-block a[href^="tel:"]',
    names: '.sidebar[data-tab="customer"] .sidebar-block h3',
  },
  exclude: [
    // Left navigation: the logged-in agent's avatar menu and the taskbar of open tabs.
    '#navigation',
    // Articles written by agents (replies with signatures, internal notes).
    '.ticket-article-item.agent',
    // From/To/Cc header of every article: the support mailbox (group email address).
    '.article-meta-clip',
    // Reply composer (sender address, agent signature) and the ticket attributes tab (owner).
    '.article-new',
    '.sidebar[data-tab="ticket"]',
  ].join(', '),
});
