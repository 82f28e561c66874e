import { z } from 'zod';
import { type AuditEntry, auditEntrySchema, verifyChain } from '../../lib/audit/chain';
import type { Me } from '../../lib/feed/schema';
import { HttpError } from './http';

const batchSchema = z.object({ entries: z.array(auditEntrySchema).max(1000) });

export type StoredAuditEntry = AuditEntry & { receivedAt: string; uploadedBy: string };

/**
 * The company's copy of every device's view audit. Each batch must continue its device's chain: an entry
 * already stored (a retry after a lost acknowledgement) is skipped, a gap or an altered entry is refused (409).
 * The first entry heard from a device is taken as its anchor.
 */
export class AuditStore {
  readonly entries: StoredAuditEntry[] = [];
  private readonly lastByDevice = new Map<string, AuditEntry>();

  async accept(body: unknown, uploader: Me): Promise<{ accepted: number; duplicates: number }> {
    const batch = batchSchema.safeParse(body);
    if (!batch.success)
      throw new HttpError(400, 'bad_request', `Invalid audit batch: ${batch.error.issues[0]?.message}`);
    let accepted = 0;
    let duplicates = 0;
    for (const entry of batch.data.entries) {
      const last = this.lastByDevice.get(entry.device);
      if (last && entry.seq <= last.seq) {
        const stored = this.entries.find((known) => known.device === entry.device && known.seq === entry.seq);
        if (stored?.hash !== entry.hash) throw new HttpError(409, 'chain_conflict', `Entry ${entry.seq} differs.`);
        duplicates++;
        continue;
      }
      // A device this server has not heard of (first upload, or a server that lost its data) anchors where it is.
      const check = await verifyChain([entry], last ?? { seq: entry.seq - 1, hash: entry.prev });
      if (!check.ok) throw new HttpError(409, 'chain_broken', `Entry ${check.seq}: ${check.problem}.`);
      this.entries.push({ ...entry, receivedAt: new Date().toISOString(), uploadedBy: uploader.id });
      this.lastByDevice.set(entry.device, entry);
      accepted++;
    }
    return { accepted, duplicates };
  }

  /** Supervisors and admins browse the team's audit, newest first. */
  list(viewer: Me, query: URLSearchParams): { entries: StoredAuditEntry[] } {
    if (viewer.role !== 'supervisor' && viewer.role !== 'admin') {
      throw new HttpError(403, 'forbidden', 'Only supervisors can read the audit.');
    }
    const user = query.get('user');
    const customer = query.get('customer');
    const since = Date.parse(query.get('since') ?? '');
    const until = Date.parse(query.get('until') ?? '');
    const inRange = (at: number) => !(at < since) && !(at >= until);
    const entries = this.entries
      .filter((entry) => (!user || entry.user === user) && (!customer || entry.customerId === customer))
      .filter((entry) => inRange(Date.parse(entry.at)))
      .slice(-1000)
      .reverse();
    return { entries };
  }
}
