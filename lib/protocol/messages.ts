import { z } from 'zod';
import type { SiteRule } from '../detect/read-page';
import type { Customer } from '../feed/schema';
import type { Privacy } from '../privacy/view';

/** Identifiers a content script found in its own tab. Bounded so a hostile page cannot flood the lookup. */
export const identifiersSchema = z.object({
  emails: z.array(z.string().max(320)).max(20),
  phones: z.array(z.string().max(64)).max(20),
  orders: z.array(z.string().max(64)).max(20),
});
export type Identifiers = z.infer<typeof identifiersSchema>;

/** Messages a content script may send. The site they concern is always the sender's own tab, never a claim. */
export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('recognize'),
    identifiers: identifiersSchema,
    host: z.string().max(253),
    adapter: z.string().max(40).optional(),
    /** A ringing caller (screen pop), and whether the agent's tab is in the background (desktop notification). */
    call: z.boolean().optional(),
    hidden: z.boolean().optional(),
  }),
  z.object({ type: z.literal('siteConfig') }),
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
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('localAudit') }),
  z.object({
    type: z.literal('teamAudit'),
    user: z.string().max(200).optional(),
    customer: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('search'), query: z.string().max(200) }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('listQuarantine') }),
]);

export type ContentRequest = z.infer<typeof contentRequestSchema>;
export type PageRequest = z.infer<typeof pageRequestSchema>;
/** A page request as sent (defaults not yet applied). */
export type PageRequestInput = z.input<typeof pageRequestSchema>;

export interface CandidateSummary {
  id: string;
  name: string;
  hint: string;
}

/** What the panel of a tab shows; pushed by the background over the panel's port. */
export type PanelState =
  | { status: 'waiting' }
  | { status: 'unknown' }
  | { status: 'matched'; customer: Customer; foundBy: string; privacy: Privacy }
  | { status: 'ambiguous'; candidates: CandidateSummary[] };

export interface RecognizeResponse {
  status: PanelState['status'];
}

/** What a content script needs to know about its site; no customer data. */
export interface SiteConfig {
  rule?: SiteRule;
  /** The agent's choice on this site; undefined until they toggle the panel there. */
  open?: boolean;
  /** The user's language, for the few words the content script shows itself. */
  locale?: 'en' | 'fr';
  /** The administrator does not allow Reconnu on this site (managed `allowedSites`): the overlay stands down. */
  blocked?: boolean;
}

/** Messages the background sends to a tab's content script. */
export type ContentCommand = { type: 'togglePanel' };

export const PANEL_PORT = 'reconnu-panel';

/** Every reply is either data or a readable error; callers never see a thrown exception across contexts. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
