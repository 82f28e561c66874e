// Page regions the team shares (lib/feed/regions.ts), in the database: proposed by anyone, decided by a supervisor or
// an administrator, read by every extension (the approved ones; deciders see every status).
import type { RegionProposal, SharedRegion } from '../../lib/feed/regions';
import type { Database, Queryable } from '../db/database';

/** What one GET answers at most: the extension refuses a longer list (sharedRegionsSchema). */
export const MAX_REGIONS_LISTED = 5_000;

export class UnknownRegionError extends Error {}

interface RegionRow {
  site: string;
  region: string;
  status: SharedRegion['status'];
  proposers: number;
  decided_by: string | null;
  decided_at: Date | null;
}

function regionOf(row: RegionRow): SharedRegion {
  return {
    site: row.site,
    region: row.region,
    status: row.status,
    proposers: row.proposers,
    ...(row.decided_by !== null ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at !== null ? { decidedAt: row.decided_at.toISOString() } : {}),
  };
}

const SELECT = `
select r.site, r.region, r.status, r.decided_by, r.decided_at,
  (select count(*) from shared_region_proposers p where p.site = r.site and p.region = r.region)::int8 as proposers
from shared_regions r`;

/** Records the proposals (a person proposing a region again counts once); a decided region keeps its status. */
export async function proposeRegions(
  db: Database,
  proposals: readonly RegionProposal[],
  options: { by: string },
): Promise<{ accepted: number }> {
  const batch = JSON.stringify(proposals);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into shared_regions (site, region)
       select p->>'site', p->>'region' from jsonb_array_elements($1::jsonb) as batch(p)
       on conflict do nothing`,
      [batch],
    );
    await tx.query(
      `insert into shared_region_proposers (site, region, user_id)
       select p->>'site', p->>'region', $2 from jsonb_array_elements($1::jsonb) as batch(p)
       on conflict do nothing`,
      [batch, options.by],
    );
  });
  return { accepted: proposals.length };
}

export async function decideRegion(
  db: Database,
  decision: RegionProposal & { verdict: 'approve' | 'reject' },
  options: { by: string },
): Promise<SharedRegion> {
  return db.transaction(async (tx) => {
    const key = [decision.site, decision.region];
    const { affected } = await tx.query(
      'update shared_regions set status = $3, decided_by = $4, decided_at = now() where site = $1 and region = $2',
      [...key, decision.verdict === 'approve' ? 'approved' : 'rejected', options.by],
    );
    const { rows } = await tx.query<RegionRow>(`${SELECT} where r.site = $1 and r.region = $2`, key);
    const row = rows[0];
    if (affected === 0 || !row) throw new UnknownRegionError('No such proposed region.');
    return regionOf(row);
  });
}

/** The approved regions, most recently decided first; or, for deciders, every region, pending ones first. */
export async function listRegions(db: Queryable, options: { everyStatus: boolean }): Promise<SharedRegion[]> {
  const { rows } = await db.query<RegionRow>(
    options.everyStatus
      ? `${SELECT} order by r.status = 'pending' desc, r.decided_at desc nulls last, r.proposed_at desc limit $1`
      : `${SELECT} where r.status = 'approved' order by r.decided_at desc limit $1`,
    [MAX_REGIONS_LISTED],
  );
  return rows.map(regionOf);
}
