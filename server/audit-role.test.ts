// On PostgreSQL under a role that is not a superuser (as a retailer should run the hub), the database itself refuses
// to UPDATE or TRUNCATE audit entries (privileges revoked from the owner), the trigger refuses DELETE, and the
// retention purge still works.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { appendAudit } from './audit/ledger';
import { purgeAuditEntries } from './audit/retention';
import { openDatabase } from './db/open';
import { chain } from './test/audit-entries';

const postgres = inject('postgres');
const serverUrl = 'url' in postgres ? postgres.url : undefined;

async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(!serverUrl)('the audit ledger under an ordinary PostgreSQL role', () => {
  it('refuses UPDATE and TRUNCATE by privilege, DELETE by trigger, and still purges', async () => {
    const name = `hub_${randomBytes(6).toString('hex')}`;
    await asSuperuser(`create role ${name} login nosuperuser`);
    await asSuperuser(`create database ${name} owner ${name} template template0`);
    const url = new URL(serverUrl ?? '');
    url.username = name;
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString() });
    try {
      const entries = await chain({ device: 'dev-role', user: 'usr_x', count: 2 });
      expect(await appendAudit(db, entries, { uploadedBy: 'usr_x' })).toEqual({ accepted: 2, duplicates: 0 });
      await expect(db.query("update audit_entries set reason = 'edited'")).rejects.toThrow(/permission denied/);
      await expect(db.query('truncate audit_entries')).rejects.toThrow(/permission denied/);
      await expect(db.query('delete from audit_entries')).rejects.toThrow(/append-only/);
      expect(await purgeAuditEntries(db, { retentionSeconds: 0 })).toBe(2);
    } finally {
      await db.close();
      await asSuperuser(`drop database ${name}`);
      await asSuperuser(`drop role ${name}`);
    }
  });
});
