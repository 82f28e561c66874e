// Audit entries are kept for the configured retention (HUB_AUDIT_RETENTION_DAYS), counted from when the hub received
// them: the hub's clock, not a device's. The table refuses every other deletion (migrations/006-audit.sql).
import type { Queryable } from '../db/database';

export async function purgeAuditEntries(db: Queryable, options: { retentionSeconds: number }): Promise<number> {
  const { rows } = await db.query<{ purged: number }>(
    'select purge_audit_entries(make_interval(secs => $1)) as purged',
    [options.retentionSeconds],
  );
  return rows[0]?.purged ?? 0;
}
