// Audit chains as an extension makes them (lib/audit/chain.ts), for the hub's audit suites.
import { type AuditEntry, type AuditFacts, chainEntry } from '../../lib/audit/chain';
import type { Role } from '../people/roles';
import type { TestHub } from './hub-fixture';

/** The id of the fixture's user of that role. */
export async function userIdOf(hub: TestHub, role: Role): Promise<string> {
  const me = await (await hub.request('/v1/me', { as: role })).json();
  return me.id;
}

export interface ChainOptions {
  device: string;
  user: string;
  count: number;
  /** The entry the new ones follow; none: the chain starts at genesis. */
  after?: AuditEntry;
  /** Changes each entry's facts, by its position in this call. */
  facts?: (index: number) => Partial<AuditFacts>;
}

/** `count` chained entries of one device. */
export async function chain(options: ChainOptions): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let index = 0; index < options.count; index++) {
    const facts: AuditFacts = {
      at: new Date(Date.UTC(2025, 2, 1, 10, 0, index)).toISOString(),
      user: options.user,
      action: 'view',
      customerId: `cus_${index}`,
      where: 'helpdesk.example.com',
      foundBy: 'email',
      ...options.facts?.(index),
    };
    entries.push(await chainEntry(facts, options.device, entries.at(-1) ?? options.after));
  }
  return entries;
}

export function upload(hub: TestHub, entries: unknown[], as: Role = 'agent'): Promise<Response> {
  return hub.request('/v1/audit', { json: { entries }, as });
}

/** What the hub holds of a device, oldest first. */
export async function storedSeqs(hub: TestHub, device: string): Promise<number[]> {
  const { rows } = await hub.db.query<{ seq: number }>('select seq from audit_entries where device = $1 order by seq', [
    device,
  ]);
  return rows.map((row) => row.seq);
}
