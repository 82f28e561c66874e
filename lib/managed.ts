import { browser } from 'wxt/browser';
import { z } from 'zod';
import { matchesPattern } from './adapters/match';

/**
 * Enterprise configuration pushed by the administrator (Chrome policy "3rdparty" → `storage.managed`; schema in
 * public/managed_schema.json). Whatever it sets takes precedence over the user's local settings, which the
 * options page then shows read-only.
 */
export const managedSchema = z.object({
  feedUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The feed's public key for signed policies: a JWK or SPKI PEM. */
  policyPublicKey: z.string().max(4096).optional(),
  /** Match patterns of the only sites the overlay may run on ("https://*.zendesk.com/*"). */
  allowedSites: z.array(z.string().max(300)).max(500).optional(),
  defaultRegion: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  retentionDays: z.number().int().min(0).max(3650).optional(),
  /** The company's own email domains and phones: never taken for a customer's. */
  organizationDomains: z.array(z.string().max(253)).max(50).optional(),
  organizationPhones: z.array(z.string().max(64)).max(50).optional(),
  /** A feed or shop on this computer (http://localhost, 127.0.0.1) may be used by a production build. */
  allowLoopback: z.boolean().optional(),
});

export type Managed = z.infer<typeof managedSchema>;

/** The managed settings, or none when there is no policy (or a browser without managed storage). Invalid keys are ignored. */
export async function readManaged(): Promise<Managed> {
  let raw: Record<string, unknown>;
  try {
    raw = (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
  const managed: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(managedSchema.shape)) {
    const parsed = field.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) managed[key] = parsed.data;
  }
  return managed as Managed;
}

/** Whether the administrator lets the overlay run on this page (every site when no list is set). */
export function siteAllowed(managed: Managed, url: string): boolean {
  if (!managed.allowedSites) return true;
  try {
    const parsed = new URL(url);
    return managed.allowedSites.some((pattern) => matchesPattern(pattern, parsed));
  } catch {
    return false;
  }
}
