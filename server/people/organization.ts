// The organization's own identifiers: what every extension must never take for a customer's.
import { meSchema } from '../../lib/feed/schema';
import type { Queryable } from '../db/database';

/** The same limits the extension applies to `/v1/me.organization` (lib/feed/schema.ts). */
export const organizationSchema = meSchema.shape.organization.unwrap().strict();

export interface Organization {
  domains: string[];
  phones: string[];
}

export async function readOrganization(db: Queryable): Promise<Organization> {
  const { rows } = await db.query<Organization>('select domains, phones from organization');
  return { domains: rows[0]?.domains ?? [], phones: rows[0]?.phones ?? [] };
}

export async function writeOrganization(db: Queryable, organization: Organization, by: string): Promise<void> {
  await db.query('update organization set domains = $1, phones = $2, updated_at = now(), updated_by = $3', [
    organization.domains,
    organization.phones,
    by,
  ]);
}
