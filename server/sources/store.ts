// The sources table: settings written by admins (credentials sealed under "connector:<id>"), and the state of their
// pulls, read back without credentials.
import type { Database, Queryable } from '../db/database';
import type { Sealer } from '../secrets/sealer';
import {
  credentialPart,
  type PlatformSettings,
  parseSourceInput,
  publicPart,
  type SourceInput,
  sourceAddress,
} from './settings';

export const sealingContext = (id: string) => `connector:${id}`;

interface SourceRow {
  id: string;
  kind: PlatformSettings['kind'];
  settings: Record<string, unknown>;
  credentials: string;
  every_minutes: number;
  next_run_at: Date;
  failures: number;
  last_run_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_changes: number;
  last_rejected: number;
  total_changes: number;
  lease_until: Date | null;
  customers: number;
}

/** A source as GET shows it: never its credentials. */
export interface SourceView {
  id: string;
  kind: string;
  settings: Record<string, unknown>;
  everyMinutes: number;
  customers: number;
  nextRunAt: string;
  running: boolean;
  failures: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastRun: { changes: number; rejected: number };
  totalChanges: number;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function viewOf(row: SourceRow): SourceView {
  return {
    id: row.id,
    kind: row.kind,
    settings: row.settings,
    everyMinutes: row.every_minutes,
    customers: row.customers,
    nextRunAt: row.next_run_at.toISOString(),
    running: row.lease_until !== null && row.lease_until > new Date(),
    failures: row.failures,
    lastRunAt: iso(row.last_run_at),
    lastSuccessAt: iso(row.last_success_at),
    lastError: row.last_error,
    lastRun: { changes: row.last_changes, rejected: row.last_rejected },
    totalChanges: row.total_changes,
  };
}

const SELECT_VIEW = `select s.*, (select count(*)::int8 from customers c
  where c.source_id = s.id and c.deleted_at is null) as customers from sources s`;

export async function listSources(db: Queryable): Promise<SourceView[]> {
  const { rows } = await db.query<SourceRow>(`${SELECT_VIEW} order by s.id`);
  return rows.map(viewOf);
}

export async function readSource(db: Queryable, id: string): Promise<SourceView | undefined> {
  const { rows } = await db.query<SourceRow>(`${SELECT_VIEW} where s.id = $1`, [id]);
  return rows[0] && viewOf(rows[0]);
}

/** A stored source's full settings, credentials opened. */
export function openSettings(
  sealer: Sealer,
  row: Pick<SourceRow, 'id' | 'settings' | 'credentials'>,
): PlatformSettings {
  const credentials = JSON.parse(sealer.open(row.credentials, sealingContext(row.id)));
  return { ...row.settings, ...credentials } as PlatformSettings;
}

async function storedSettings(tx: Queryable, sealer: Sealer, id: string): Promise<PlatformSettings | undefined> {
  const { rows } = await tx.query<SourceRow>('select id, settings, credentials from sources where id = $1 for update', [
    id,
  ]);
  return rows[0] && openSettings(sealer, rows[0]);
}

/** Creates or replaces a source from a PUT body; a new platform address starts its pull over, due at once. */
export async function saveSource(db: Database, sealer: Sealer, id: string, body: unknown): Promise<SourceView> {
  return db.transaction(async (tx) => {
    const stored = await storedSettings(tx, sealer, id);
    const input: SourceInput = parseSourceInput(body, stored);
    const moved = !stored || sourceAddress(stored) !== sourceAddress(input.settings);
    const sealed = sealer.seal(JSON.stringify(credentialPart(input.settings)), sealingContext(id));
    await tx.query(
      `insert into sources (id, kind, settings, credentials, every_minutes) values ($1, $2, $3, $4, $5)
       on conflict (id) do update set kind = excluded.kind, settings = excluded.settings,
         credentials = excluded.credentials, every_minutes = excluded.every_minutes, updated_at = now(),
         cursor = case when $6 then null else sources.cursor end,
         next_run_at = case when $6 then now() else sources.next_run_at end,
         failures = case when $6 then 0 else sources.failures end`,
      [id, input.settings.kind, JSON.stringify(publicPart(input.settings)), sealed, input.everyMinutes, moved],
    );
    const view = await readSource(tx, id);
    if (!view) throw new Error('the source just written is missing');
    return view;
  });
}

/** Removes a source; its customers stay (a source saved again under the same id takes them back). */
export async function deleteSource(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query('delete from sources where id = $1', [id]);
  return result.affected > 0;
}
