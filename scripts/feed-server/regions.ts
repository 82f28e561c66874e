import { z } from 'zod';
import { regionProposalSchema, type SharedRegion } from '../../lib/feed/regions';
import type { Me } from '../../lib/feed/schema';
import { HttpError } from './http';

const proposalsSchema = z.object({ regions: z.array(regionProposalSchema).min(1).max(50) });
const decisionSchema = regionProposalSchema.extend({ verdict: z.enum(['approve', 'reject']) });

const mayDecide = (user: Me) => user.role === 'supervisor' || user.role === 'admin';

/**
 * `/v1/regions`: page regions agents propose (POST), a supervisor approves or rejects (POST /v1/regions/decide), and
 * every extension reads (GET: the approved ones; supervisors and admins see every status).
 */
export class RegionStore {
  private readonly regions = new Map<string, SharedRegion & { by: Set<string> }>();

  propose(body: unknown, user: Me): { accepted: number } {
    const parsed = proposalsSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad_request', `Invalid regions: ${parsed.error.issues[0]?.message}`);
    for (const { site, region } of parsed.data.regions) {
      const key = `${site}\u0000${region}`;
      const known = this.regions.get(key) ?? { site, region, status: 'pending' as const, proposers: 0, by: new Set() };
      known.by.add(user.id);
      known.proposers = known.by.size;
      this.regions.set(key, known);
    }
    return { accepted: parsed.data.regions.length };
  }

  decide(body: unknown, user: Me): SharedRegion {
    if (!mayDecide(user)) throw new HttpError(403, 'forbidden', 'Only supervisors and administrators decide.');
    const parsed = decisionSchema.safeParse(body);
    if (!parsed.success)
      throw new HttpError(400, 'bad_request', `Invalid decision: ${parsed.error.issues[0]?.message}`);
    const known = this.regions.get(`${parsed.data.site}\u0000${parsed.data.region}`);
    if (!known) throw new HttpError(404, 'not_found', 'No such proposed region.');
    known.status = parsed.data.verdict === 'approve' ? 'approved' : 'rejected';
    known.decidedBy = user.id;
    known.decidedAt = new Date().toISOString();
    return publicView(known);
  }

  list(user: Me): { regions: SharedRegion[] } {
    const all = [...this.regions.values()].map(publicView);
    return { regions: mayDecide(user) ? all : all.filter((region) => region.status === 'approved') };
  }
}

/** Who proposed stays on the server: others see how many did. */
function publicView({ by: _by, ...region }: SharedRegion & { by: Set<string> }): SharedRegion {
  return region;
}
