// Online activity ages: a customer whose latest online activity passes out of the window (HUB_STORE_ONLINE_MONTHS)
// leaves the scope of store staff who do not serve its stores. Nothing is written then, so this job finds those rows
// and gives each a new sequence number as a change: store staff's next page carries a Deletion for them (agents get
// the same record again, which changes nothing). It also takes in customers that enter the window when it is widened.
import type { Database } from '../db/database';
import { onlineWindowStart, type ScopeRules } from './rules';

export interface OnlineActivityResult {
  left: number;
  entered: number;
}

const BATCH = 10_000;

/** Brings every customer's online flag level with the window as of `rules.now()`, a transaction per batch. */
export async function reconcileOnlineActivity(
  db: Database,
  rules: ScopeRules,
  options: { batchSize?: number } = {},
): Promise<OnlineActivityResult> {
  const total: OnlineActivityResult = { left: 0, entered: 0 };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      // The feed head first, as every writer takes it: rows are locked after it, never before.
      await tx.query('select head_seq from feed_state for update');
      const { rows } = await tx.query<{ id: string; active: boolean }>(
        `select id, online_active as active from customers
         where deleted_at is null and online_active <> coalesce(online_at > ${onlineWindowStart('$1', '$2')}, false)
         order by id limit $3 for update`,
        [rules.now().toISOString(), rules.storeOnlineMonths, options.batchSize ?? BATCH],
      );
      if (rows.length === 0) return { left: 0, entered: 0 };
      const { rows: heads } = await tx.query<{ base: number }>(
        'update feed_state set head_seq = head_seq + $1 returning head_seq - $1 as base',
        [rows.length],
      );
      await tx.query(
        `update customers c set seq = $2::int8 + d.n, changed_at = now(), online_active = not c.online_active,
           left_online = c.left_online or c.online_active,
           left_seq = case when c.online_active then $2::int8 + d.n else c.left_seq end
         from unnest($1::text[]) with ordinality as d(id, n) where c.id = d.id`,
        [rows.map((row) => row.id), heads[0]?.base ?? 0],
      );
      const left = rows.filter((row) => row.active).length;
      return { left, entered: rows.length - left };
    });
    total.left += batch.left;
    total.entered += batch.entered;
    if (batch.left + batch.entered === 0) return total;
  }
}
