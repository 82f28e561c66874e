import { z } from 'zod';
import { HEADING_LIMIT, MAX_SIGHTINGS } from '../detect/limits';
import type { SiteRule } from '../detect/site-rule';
import type { Customer } from '../feed/schema';
import { gestureRecordSchema, gestureRequestSchema } from '../policy/schema';
import type { Privacy } from '../privacy/view';

/** A panel key: a random UUID, from the content script's isolated world. */
export const PANEL_KEY = /^[0-9a-f-]{36}$/;

/** Identifiers a content script found in its own tab. Bounded so a hostile page cannot flood the lookup. */
export const identifiersSchema = z.object({
  emails: z.array(z.string().max(320)).max(20),
  phones: z.array(z.string().max(64)).max(20),
  orders: z.array(z.string().max(64)).max(20),
});
export type Identifiers = z.infer<typeof identifiersSchema>;

/**
 * How an identifier appears on the page, as an agent reading it would see it. `field`: a field an adapter or a site
 * rule names; `label`: next to a requester/customer/from label; `card`: in a customer card or region; `sender`: a
 * message's sender; `link`: a mailto:/tel: link; `quoted`: in quoted history; `agent`: in the agent's own reply,
 * signature or menu; `cc`/`to`: a copy or a recipient; `listed`: a row of a list of tickets or messages; `learned`: where the agent picked a customer before on this site.
 */
export const cueSchema = z.enum([
  'field',
  'label',
  'card',
  'sender',
  'link',
  'quoted',
  'agent',
  'cc',
  'to',
  'listed',
  'learned',
]);
export type Cue = z.infer<typeof cueSchema>;

/** One identifier as the page shows it, with its evidence. Nothing here leaves the extension. */
export const sightingSchema = z.object({
  kind: z.enum(['email', 'phone', 'order']),
  value: z.string().min(1).max(320),
  cues: z.array(cueSchema).max(11),
  /** The text around it, where the customer's stored name may be written (corroboration). */
  near: z.string().max(300).optional(),
  /** A stable description of where it sits (landmark, label, short CSS path), to learn from the agent's picks. */
  region: z.string().max(200).optional(),
});
export type Sighting = z.infer<typeof sightingSchema>;

/** Messages a content script may send. The site they concern is always the sender's own tab, never a claim. */
export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('recognize'),
    sightings: z.array(sightingSchema).max(MAX_SIGHTINGS),
    host: z.string().max(253),
    /** The page changed without a top-level navigation (a single-page app): what it showed before is gone. */
    navigated: z.boolean().optional(),
    /** The page's title and main heading (detect/heading.ts): a record page names its subject there. */
    heading: z.string().max(HEADING_LIMIT).optional(),
    adapter: z.string().max(40).optional(),
    /** A ringing caller (screen pop), and whether the agent's tab is in the background (desktop notification). */
    call: z.boolean().optional(),
    hidden: z.boolean().optional(),
  }),
  z.object({ type: z.literal('siteConfig') }),
  /** The one-time key the content script hands to the panel it docks (lib/background/panel-ports.ts). */
  z.object({ type: z.literal('panelKey'), key: z.string().regex(PANEL_KEY) }),
  z.object({ type: z.literal('setPanelOpen'), open: z.boolean() }),
  z.object({
    type: z.literal('adapterHealth'),
    adapter: z.string().max(40),
    problem: z.enum(['fields', 'container']),
    page: z.string().max(100),
  }),
]);

/** Messages only extension pages (panel, side panel, popup, options) may send. */
export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('getCustomer'),
    id: z.string().min(1).max(200),
    /** How the user came to this profile, for the view audit. */
    how: z.enum(['search', 'candidate', 'recent-caller', 'card']).default('search'),
  }),
  z.object({ type: z.literal('reveal'), id: z.string().min(1).max(200), reason: z.string().trim().min(3).max(500) }),
  /** The agent says the panel's customer is not this page's: the site never proposes them from there again. */
  z.object({ type: z.literal('notThisCustomer'), id: z.string().min(1).max(200) }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('localAudit') }),
  z.object({
    type: z.literal('teamAudit'),
    user: z.string().max(200).optional(),
    customer: z.string().max(200).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    /** The feed's cursor of the page after the one shown. */
    cursor: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('search'), query: z.string().max(200) }),
  /** Page regions the team shares, and those agents proposed (supervisors and admins). */
  z.object({ type: z.literal('sharedRegions') }),
  z.object({
    type: z.literal('decideRegion'),
    site: z.string().min(1).max(253),
    region: z.string().min(1).max(300),
    verdict: z.enum(['approve', 'reject']),
  }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('listQuarantine') }),
  // Empowerment: see lib/background/gesture-handlers.ts.
  z.object({ type: z.literal('empowerment'), customerId: z.string().min(1).max(200) }),
  gestureRequestSchema.extend({
    type: z.literal('grantGesture'),
    customerId: z.string().min(1).max(200),
    reason: z.string().trim().min(3).max(500),
  }),
  z.object({ type: z.literal('policyInfo') }),
  gestureRequestSchema.extend({
    type: z.literal('checkGesture'),
    agentId: z.string().min(1).max(200),
    customerId: z.string().min(1).max(200),
  }),
  z.object({
    type: z.literal('gestureHistory'),
    customer: z.string().max(200).optional(),
    agent: z.string().max(200).optional(),
    status: gestureRecordSchema.shape.status.optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    type: z.literal('decideGesture'),
    id: z.string().min(1).max(200),
    verdict: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(500),
  }),
  /** The names of customers a supervisor's history names by id (supervisors only; no profile, so no view audited). */
  z.object({ type: z.literal('customerNames'), ids: z.array(z.string().min(1).max(200)).max(500) }),
]);

export type ContentRequest = z.infer<typeof contentRequestSchema>;
export type ContentRequestInput = z.input<typeof contentRequestSchema>;
export type PageRequest = z.infer<typeof pageRequestSchema>;
/** A page request as sent (defaults not yet applied). */
export type PageRequestInput = z.input<typeof pageRequestSchema>;

/** Why a candidate is on the picker, in a few words the panel translates. */
export type CandidateReason = 'requester' | 'sender' | 'linked' | 'mentioned' | 'quoted' | 'copied' | 'learned';

export interface CandidateSummary {
  id: string;
  name: string;
  hint: string;
  reason?: CandidateReason;
}

/** What the panel of a tab shows; pushed by the background over the panel's port. */
export type PanelState =
  | { status: 'waiting' }
  | { status: 'unknown' }
  | { status: 'matched'; customer: Customer; foundBy: string; privacy: Privacy }
  | { status: 'ambiguous'; candidates: CandidateSummary[] };

/** What a content script needs to know about its site; no customer data. */
export interface SiteConfig {
  rule?: SiteRule;
  /** The agent's choice on this site; undefined until they toggle the panel there. */
  open?: boolean;
  /** The user's language, for the few words the content script shows itself. */
  locale?: 'en' | 'fr';
  /** The administrator does not allow Reconnu on this site (managed `allowedSites`): the overlay stands down. */
  blocked?: boolean;
  /** Product adapters are turned off (settings): only generic detection and site rules read the page. */
  adaptersOff?: boolean;
}

/** Messages the background sends to a tab's content script. */
export type ContentCommand = { type: 'togglePanel' };

/** What the background broadcasts to extension pages: these customers (or all, at sign-out) were erased. */
export const erasedNoticeSchema = z.object({
  type: z.literal('erased'),
  ids: z.union([z.literal('all'), z.array(z.string())]),
});
export type ErasedNotice = z.infer<typeof erasedNoticeSchema>;

/** A panel's port is named `${PANEL_PORT}/${key}`. */
export const PANEL_PORT = 'reconnu-panel';

/** Every reply is either data or a readable error; callers never see a thrown exception across contexts. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
