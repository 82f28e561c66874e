// Tombstones are kept for the configured retention, long enough for every client to have synced the deletion. Once
// one is purged, a cursor from before it could miss that deletion: the feed answers 410 and the client starts over.
import type { Database } from '../db/database';

export async function purgeTombstones(db: Database, options: { retentionSeconds: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ purged: number; last: number | null }>(
      `with purged as (
         delete from customers where deleted_at is not null and changed_at < now() - make_interval(secs => $1)
         returning seq)
       select count(*)::int8 as purged, max(seq) as last from purged`,
      [options.retentionSeconds],
    );
    const last = rows[0]?.last;
    if (last != null) {
      await tx.query('update feed_state set purged_through_seq = greatest(purged_through_seq, $1)', [last]);
    }
    return rows[0]?.purged ?? 0;
  });
}
