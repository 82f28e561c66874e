// The compacted change log. Base customers are sequence numbers 1..N (customer index seq - 1, version 1) and are
// generated page by page, never held in memory; mutations append entries N+1, N+2… A position whose id has a later
// entry is skipped when paging, so each live id appears once and a deleted id only as its deletion.
import type { Change, Customer } from '../../lib/feed/schema';
import { iso } from './activity';
import { customerId, customerIndex, generateCustomer } from './generator';
import { createRandom, type Random } from './random';

export interface LogEntry {
  seq: number;
  id: string;
  index: number;
  version: number;
  deletedAt?: string;
  /** A customer given whole (tests and demos that need a known identity) rather than generated. */
  record?: Customer;
  /** A record given as JSON text, served as is (hostile-input tests: `__proto__` keys, nesting JSON.stringify refuses). */
  raw?: RawChange;
}

/** A change served verbatim: its JSON text is spliced into the page instead of being serialized. */
export class RawChange {
  constructor(readonly json: string) {}
}

export interface MutationRequest {
  update?: number;
  updateIds?: string[];
  delete?: number;
  deleteIds?: string[];
  add?: number;
}

export interface MutationResult {
  updated: string[];
  deleted: string[];
  added: string[];
}

export interface LogPage {
  changes: (Change | RawChange)[];
  /** Sequence number of the last position examined: the next page starts after it. */
  lastSeq: number;
  /** Live entries after lastSeq. */
  remaining: number;
}

export class ChangeLog {
  private readonly entries: LogEntry[] = [];
  /** Latest entry of every id mutated since start. */
  private readonly latest = new Map<string, LogEntry>();
  private nextIndex: number;
  private deletedCount = 0;
  private mutations = 0;
  /** Live customers given whole with put(). */
  private pinned = 0;

  constructor(
    private readonly seed: string,
    readonly baseCount: number,
  ) {
    this.nextIndex = baseCount;
  }

  get lastSeq(): number {
    return this.baseCount + this.entries.length;
  }

  get liveCount(): number {
    return this.nextIndex - this.deletedCount + this.pinned;
  }

  page(afterSeq: number, limit: number): LogPage {
    const changes: (Change | RawChange)[] = [];
    const lastSeq = this.lastSeq;
    let seq = afterSeq;
    while (seq < lastSeq && changes.length < limit) {
      seq++;
      if (seq <= this.baseCount) {
        const index = seq - 1;
        if (this.latest.size > 0 && this.latest.has(customerId(index))) continue;
        changes.push(generateCustomer(this.seed, index, 1));
      } else {
        const entry = this.entries[seq - this.baseCount - 1] as LogEntry;
        if (this.latest.get(entry.id) === entry) changes.push(this.render(entry));
      }
    }
    return { changes, lastSeq: seq, remaining: this.remainingAfter(seq) };
  }

  /** Current version of a live id, or undefined if it does not exist or was deleted. */
  versionOf(id: string): number | undefined {
    const entry = this.latest.get(id);
    if (entry) return entry.deletedAt ? undefined : entry.version;
    const index = customerIndex(id);
    return index !== undefined && index < this.baseCount && customerId(index) === id ? 1 : undefined;
  }

  /** A live customer as the feed would send it now, or undefined. */
  customer(id: string): Customer | undefined {
    const entry = this.latest.get(id);
    if (entry) return entry.deletedAt ? undefined : (this.render(entry) as Customer);
    const version = this.versionOf(id);
    return version === undefined ? undefined : generateCustomer(this.seed, customerIndex(id) as number, version);
  }

  /** Every live customer as [id, version], in index order. */
  *live(): Generator<[string, number]> {
    for (let index = 0; index < this.nextIndex; index++) {
      const id = customerId(index);
      const entry = this.latest.get(id);
      if (!entry) yield [id, 1];
      else if (!entry.deletedAt) yield [id, entry.version];
    }
    for (const entry of this.latest.values()) {
      if ((entry.record || entry.raw) && !entry.deletedAt) yield [entry.id, entry.version];
    }
  }

  mutate(request: MutationRequest): MutationResult {
    const random = createRandom(this.seed, 'mutation', this.mutations++);
    const result: MutationResult = { updated: [], deleted: [], added: [] };
    for (const id of this.choose(request.updateIds ?? [], request.update ?? 0, random)) {
      const raw = this.latest.get(id)?.raw;
      if (raw) {
        this.putRaw([{ id, json: raw.json }]);
        result.updated.push(id);
        continue;
      }
      const pinned = this.latest.get(id)?.record;
      if (pinned) {
        this.put([{ ...pinned, updatedAt: new Date().toISOString() }]);
        result.updated.push(id);
        continue;
      }
      const version = (this.versionOf(id) ?? 1) + 1;
      this.append({ seq: 0, id, index: customerIndex(id) as number, version });
      result.updated.push(id);
    }
    for (const id of this.choose(request.deleteIds ?? [], request.delete ?? 0, random)) {
      const pinned = this.latest.get(id);
      if (pinned?.record || pinned?.raw) {
        this.append({ seq: 0, id, index: -1, version: pinned.version, deletedAt: new Date().toISOString() });
        this.pinned--;
        result.deleted.push(id);
        continue;
      }
      const index = customerIndex(id) as number;
      const version = this.versionOf(id) ?? 1;
      // Deleted a minute after the last update, so deletedAt is never earlier than the record it removes.
      const deletedAt = iso(Date.parse(generateCustomer(this.seed, index, version).updatedAt) + 60_000);
      this.append({ seq: 0, id, index, version, deletedAt });
      this.deletedCount++;
      result.deleted.push(id);
    }
    for (let k = 0; k < (request.add ?? 0); k++) {
      const index = this.nextIndex++;
      const id = customerId(index);
      this.append({ seq: 0, id, index, version: 1 });
      result.added.push(id);
    }
    return result;
  }

  /**
   * Adds or replaces customers given whole, with ids outside the generated range. A replacement gets the next
   * version, whatever the record says, so the client always sees it as newer.
   */
  put(records: readonly Customer[]): string[] {
    for (const record of records) {
      if (customerIndex(record.id) !== undefined) throw new TypeError(`${record.id} is a generated id`);
      const known = this.latest.get(record.id);
      if (!known || known.deletedAt) this.pinned++;
      const version = known ? known.version + 1 : record.version;
      this.append({ seq: 0, id: record.id, index: -1, version, record: { ...record, version } });
    }
    return records.map((record) => record.id);
  }

  /** Adds records given as JSON text under log ids of their own (their text may carry any id, or none). */
  putRaw(records: readonly { id: string; json: string }[]): string[] {
    for (const { id, json } of records) {
      if (customerIndex(id) !== undefined) throw new TypeError(`${id} is a generated id`);
      const known = this.latest.get(id);
      if (!known || known.deletedAt) this.pinned++;
      this.append({ seq: 0, id, index: -1, version: (known?.version ?? 0) + 1, raw: new RawChange(json) });
    }
    return records.map((record) => record.id);
  }

  private append(entry: LogEntry): void {
    entry.seq = this.lastSeq + 1;
    this.entries.push(entry);
    this.latest.set(entry.id, entry);
  }

  private render(entry: LogEntry): Change | RawChange {
    if (entry.deletedAt) return { id: entry.id, deleted: true, deletedAt: entry.deletedAt };
    if (entry.record) return entry.record;
    if (entry.raw) return entry.raw;
    return generateCustomer(this.seed, entry.index, entry.version);
  }

  private remainingAfter(seq: number): number {
    let remaining = Math.max(0, this.baseCount - seq);
    for (const entry of this.latest.values()) {
      if (entry.index < this.baseCount && entry.index >= seq) remaining--; // its base position is skipped
      if (entry.seq > seq) remaining++;
    }
    return remaining;
  }

  /** Named live ids (unknown or deleted ones are ignored), then `count` more pseudo-random live ids. */
  private choose(ids: readonly string[], count: number, random: Random): string[] {
    const chosen = new Set<string>();
    for (const id of ids) if (this.versionOf(id) !== undefined) chosen.add(id);
    const wanted = Math.min(chosen.size + count, this.liveCount);
    for (let attempt = 0; chosen.size < wanted && attempt < count * 20; attempt++) {
      const id = customerId(random.int(0, this.nextIndex - 1));
      if (this.versionOf(id) !== undefined) chosen.add(id);
    }
    // Few live ids left: sweep from a random start instead of guessing.
    const start = random.int(0, Math.max(0, this.nextIndex - 1));
    for (let step = 0; chosen.size < wanted && step < this.nextIndex; step++) {
      const id = customerId((start + step) % this.nextIndex);
      if (this.versionOf(id) !== undefined) chosen.add(id);
    }
    return [...chosen];
  }
}
