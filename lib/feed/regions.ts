import { z } from 'zod';

// Page regions the team shares: where, on a site, agents found the customer (a landmark, a label, a short CSS path;
// page structure, never customer data). An agent's pick proposes one; a supervisor or an administrator approves it;
// every extension then prefers it on that site.

export const regionProposalSchema = z.object({
  site: z.string().min(1).max(253),
  region: z.string().min(1).max(300),
});

export const sharedRegionSchema = regionProposalSchema.extend({
  status: z.enum(['pending', 'approved', 'rejected']),
  /** How many distinct people proposed it. */
  proposers: z.number().int().min(0),
  decidedBy: z.string().max(200).optional(),
  decidedAt: z.iso.datetime({ offset: true }).optional(),
});

export const sharedRegionsSchema = z.object({ regions: z.array(sharedRegionSchema).max(5_000) });

export type RegionProposal = z.infer<typeof regionProposalSchema>;
export type SharedRegion = z.infer<typeof sharedRegionSchema>;
