import { openTexts, type Sealed, sealTexts } from './crypto/crypto';
import type { QuarantinedRecord, ReconnuDb, StoredQuarantine } from './db';

const contextOf = (record: { id: string; receivedAt: string }) => `quarantine\n${record.id}\n${record.receivedAt}`;

export async function sealQuarantined(key: CryptoKey, records: QuarantinedRecord[]): Promise<StoredQuarantine[]> {
  const boxes = await sealTexts(
    key,
    records.map((record) => [JSON.stringify([record.reason, record.raw]), contextOf(record)]),
  );
  return records.map(({ id, receivedAt }, i) => ({ id, receivedAt, box: boxes[i] as Sealed }));
}

/** The latest sync issues, newest first; none while the store is locked. */
export async function readQuarantine(db: ReconnuDb, limit = 200): Promise<QuarantinedRecord[]> {
  if (!db.unlocked) return [];
  const stored = await db.quarantine.orderBy('receivedAt').reverse().limit(limit).toArray();
  const texts = await openTexts(
    db.dataKey,
    stored.map((record) => [record.box, contextOf(record)]),
  );
  return stored.map(({ id, receivedAt }, i) => {
    const [reason, raw] = JSON.parse(texts[i] as string) as [string, string];
    return { id, reason, receivedAt, raw };
  });
}
