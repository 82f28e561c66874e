import type { ReconnuDb } from '../db';
import { readIndexState } from '../meta-cache';
import { forgetRuns } from './block-cache';
import { openBlocks, putDirectory, sealBlocks } from './index-blocks';
import { KeyFilter } from './key-filter';
import { blockEntries, compareEntries, type Entry, newRunId, toBlocks } from './key-index';

const READ_AHEAD = 4;
const WRITE_BATCH = 64 * 512;

/** Reads one run's blocks in key order, a few at a time, so a merge holds little in memory. */
class RunReader {
  private entries: Entry[] = [];
  private position = 0;
  private next = 0;
  private done = false;

  constructor(
    private readonly db: ReconnuDb,
    private readonly run: number,
  ) {}

  /** True when the next entry must first be read from the database (see fill). */
  get exhausted(): boolean {
    return this.position >= this.entries.length && !this.done;
  }

  peek(): Entry | undefined {
    return this.entries[this.position];
  }

  async fill(): Promise<void> {
    const range = this.db.indexBlocks.where('[run+n]').between([this.run, this.next], [this.run, Infinity]);
    const blocks = await openBlocks(this.db.dataKey, await range.limit(READ_AHEAD).toArray());
    this.done = blocks.length === 0;
    this.next = (blocks.at(-1)?.n ?? this.next - 1) + 1;
    this.entries = blocks.flatMap(blockEntries);
    this.position = 0;
  }

  advance(): void {
    this.position++;
  }
}

/** Merges runs into one new run (k-way, streaming), dropping duplicate entries, in one transaction. */
export async function mergeRuns(db: ReconnuDb, runs: number[]): Promise<void> {
  await db.transaction('rw', db.indexBlocks, db.indexDirectories, db.meta, async () => {
    const state = await readIndexState(db);
    const target = newRunId(state.nextRun);
    const filter = KeyFilter.forKeys(
      state.runs.reduce((sum, run) => sum + (runs.includes(run.id) ? run.entries : 0), 0),
    );
    const readers = runs.map((run) => new RunReader(db, run));
    let pending: Entry[] = [];
    let written = 0;
    const bounds: string[] = [];
    let last: Entry | undefined;
    const flush = async (final: boolean) => {
      // Keep a trailing group of equal keys for the next batch, so blocks never split a key.
      let cut = pending.length;
      while (!final && cut > 0 && pending[cut - 1]?.[0] === pending.at(-1)?.[0]) cut--;
      if (cut === 0 && !final) return;
      const blocks = toBlocks(target, pending.slice(0, cut), bounds.length);
      await db.indexBlocks.bulkAdd(await sealBlocks(db.dataKey, blocks));
      for (const block of blocks) bounds.push(block.keys[0] as string);
      written += cut;
      pending = pending.slice(cut);
    };
    for (;;) {
      let smallest: { reader: RunReader; entry: Entry } | undefined;
      for (const reader of readers) {
        // Only await when a reader runs dry (the crypto it awaits keeps the transaction alive: see crypto.ts).
        while (reader.exhausted) await reader.fill();
        const entry = reader.peek();
        if (entry && (!smallest || compareEntries(entry, smallest.entry) < 0)) smallest = { reader, entry };
      }
      if (!smallest) break;
      smallest.reader.advance();
      if (last && compareEntries(last, smallest.entry) === 0) continue;
      last = smallest.entry;
      pending.push(smallest.entry);
      filter.add(smallest.entry[0]);
      if (pending.length >= WRITE_BATCH) await flush(false);
    }
    await flush(true);
    if (written > 0) await putDirectory(db, target, bounds, filter);
    forgetRuns(db, runs);
    for (const run of runs) await db.indexBlocks.where('[run+n]').between([run, 0], [run, Infinity]).delete();
    await db.indexDirectories.bulkDelete(runs);
    const kept = state.runs.filter((run) => !runs.includes(run.id));
    const merged = written > 0 ? [{ id: target, entries: written }] : [];
    await db.meta.put({ ...state, runs: [...kept, ...merged], nextRun: target + 1 });
  });
}

/** Size tier of a run: runs within a factor of 4 of each other share a tier. */
const tierOf = (entries: number) => Math.floor(Math.log(Math.max(1, entries)) / Math.log(4));

/**
 * Size-tiered compaction: whenever `fanIn` runs share a tier they are merged into one, so a store of N entries
 * keeps O(log N) runs and each entry is rewritten O(log N) times over its life.
 */
export async function compactIndex(db: ReconnuDb, fanIn = 4): Promise<void> {
  for (;;) {
    const { runs } = await readIndexState(db);
    const tiers = new Map<number, number[]>();
    for (const run of runs) tiers.set(tierOf(run.entries), [...(tiers.get(tierOf(run.entries)) ?? []), run.id]);
    const full = [...tiers.values()].find((ids) => ids.length >= fanIn);
    if (!full) return;
    await mergeRuns(db, full);
  }
}
