import { z } from 'zod';

/**
 * One profile shown (or revealed) to one person: who, which customer, where, when, how it was found, and why
 * when a reason was asked. Or one search: who searched, where, when, and the kind of key searched (in `foundBy`),
 * never the key itself, which may be a customer's contact. Entries are chained: each carries the hash of the previous one and its own, so an
 * edited, removed or reordered entry breaks the chain from that point on (tamper-evident, not tamper-proof).
 */
export const auditEntrySchema = z.object({
  /** This install's log: chains are per device. */
  device: z.string().min(1).max(64),
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  user: z.string().max(200),
  action: z.enum(['view', 'reveal', 'search']),
  /** Absent from a search: it is about what was searched, not about one customer. */
  customerId: z.string().min(1).max(200).optional(),
  /** A host name for the overlay panel, else the extension page ("side panel", "popup"). */
  where: z.string().max(253),
  adapter: z.string().max(40).optional(),
  /**
   * The product's page the profile was seen on, as its kind and number: "ticket:4821", "conversation" (no number
   * when the product's is not a plain one). Never the URL itself, which may hold a customer's address or a search.
   */
  page: z
    .string()
    .regex(/^[a-z]{2,20}(?::\d{1,20})?$/)
    .optional(),
  foundBy: z.string().max(40),
  reason: z.string().max(500).optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditFacts = Omit<AuditEntry, 'device' | 'seq' | 'prev' | 'hash'>;

export const GENESIS = '0'.repeat(64);

/** The hash of an entry: SHA-256 over its fields in a fixed order, the previous hash included. */
export async function hashEntry(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const fields = [
    entry.device,
    entry.seq,
    entry.at,
    entry.user,
    entry.action,
    entry.customerId ?? '',
    entry.where,
    entry.adapter ?? '',
    entry.foundBy,
    entry.reason ?? '',
    entry.prev,
    // Last, and only when there is one: entries recorded before pages were hash as they always did.
    ...(entry.page !== undefined ? [entry.page] : []),
  ];
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(fields)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function chainEntry(
  facts: AuditFacts,
  device: string,
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
): Promise<AuditEntry> {
  const unsealed = { ...facts, device, seq: (previous?.seq ?? 0) + 1, prev: previous?.hash ?? GENESIS };
  return { ...unsealed, hash: await hashEntry(unsealed) };
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

/**
 * Checks consecutive entries of one device's chain. `previous` is the entry before the first one (when the
 * check starts mid-chain, e.g. a server continuing an earlier upload).
 */
export async function verifyChain(
  entries: AuditEntry[],
  previous?: Pick<AuditEntry, 'seq' | 'hash'>,
): Promise<ChainCheck> {
  let before = previous;
  for (const entry of entries) {
    const expectedSeq = (before?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { ok: false, seq: entry.seq, problem: `expected entry ${expectedSeq}` };
    if (entry.prev !== (before?.hash ?? GENESIS))
      return { ok: false, seq: entry.seq, problem: 'previous hash differs' };
    const { hash, ...rest } = entry;
    if ((await hashEntry(rest)) !== hash) return { ok: false, seq: entry.seq, problem: 'content altered' };
    before = entry;
  }
  return { ok: true, entries: entries.length };
}
