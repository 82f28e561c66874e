// Shared page regions: anyone proposes (POST /v1/regions), supervisors and admins decide (POST /v1/regions/decide),
// and every extension reads them (GET /v1/regions: the approved ones; deciders see every status).
import { z } from 'zod';
import { regionProposalSchema } from '../../lib/feed/regions';
import { currentUser } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseRequest } from '../http/validate';
import { decideRegion, listRegions, proposeRegions, UnknownRegionError } from '../regions/shared-regions';
import type { HubRoutes } from './route';

// PostgreSQL's text cannot hold U+0000: such a region is refused with a 400, not a failed transaction.
const storableProposal = regionProposalSchema.refine(
  (proposal) => !`${proposal.site}${proposal.region}`.includes('\u0000'),
  'holds a NUL character',
);
const proposalsSchema = z.object({ regions: z.array(storableProposal).min(1).max(50) });
const decisionSchema = regionProposalSchema.extend({ verdict: z.enum(['approve', 'reject']) });

const DECIDERS = ['supervisor', 'admin'];

export const regionsRoutes: HubRoutes = (app, { db }) => {
  app.get('/v1/regions', async (request) => ({
    regions: await listRegions(db, { everyStatus: DECIDERS.includes(currentUser(request).role) }),
  }));

  app.post('/v1/regions', async (request) => {
    const { regions } = parseRequest(
      proposalsSchema,
      request.body,
      'Send { "regions": [{ "site", "region" }] } (1 to 50)',
    );
    return proposeRegions(db, regions, { by: currentUser(request).id });
  });

  app.post('/v1/regions/decide', async (request) => {
    const decision = parseRequest(
      decisionSchema,
      request.body,
      'Send { "site", "region", "verdict": "approve" | "reject" }',
    );
    try {
      return await decideRegion(db, decision, { by: currentUser(request).id });
    } catch (error) {
      if (error instanceof UnknownRegionError) throw new HttpError(404, 'not_found', error.message);
      throw error;
    }
  });
};
