// Imports a file of Customer and Deletion records into the hub: read as a stream, validated and applied by the push
// module (the same rules as POST /v1/admin/customers) in batches of at most 10,000, each in one transaction.
import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { UnreadableRecord } from '../feed/batch';
import { MAX_RECORDS_PER_PUSH, pushChanges } from '../feed/push';
import type { ScopeRules } from '../scopes/rules';
import { csvRows, readHeader, recordOfRow } from './csv';
import { readLines } from './lines';
import type { Progress } from './progress';

export type ImportFormat = 'ndjson' | 'csv';

export interface ImportRejection {
  line: number;
  id: string | null;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  unchanged: number;
  rejected: number;
  /** The first rejections (up to 20); all of them are in `rejectedFile`. */
  firstRejections: ImportRejection[];
  /** Where every rejection is written, one JSON object a line (emptied at each import). */
  rejectedFile: string;
}

const SHOWN_REJECTIONS = 20;

/** The import stopped (the database failed, the CSV header is wrong): what was applied before stays. */
export class ImportStoppedError extends Error {
  constructor(
    readonly summary: ImportSummary,
    readonly line: number,
    cause: unknown,
  ) {
    super(`The import stopped near line ${line}.`, { cause });
  }
}

export interface ImportOptions {
  db: Database;
  file: string;
  format: ImportFormat;
  rules: ScopeRules;
  progress?: (totalBytes: number) => Progress;
  batchSize?: number;
}

interface Numbered {
  line: number;
  record: unknown;
  bytesRead: number;
}

async function* ndjsonRecords(file: string): AsyncGenerator<Numbered> {
  for await (const { number, text, bytesRead } of readLines(file)) {
    const trimmed = number === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(trimmed);
    } catch {
      record = new UnreadableRecord('not valid JSON');
    }
    yield { line: number, record, bytesRead };
  }
}

async function* csvRecords(file: string): AsyncGenerator<Numbered> {
  let bytesRead = 0;
  const lines = (async function* () {
    for await (const line of readLines(file)) {
      bytesRead = line.bytesRead;
      yield line;
    }
  })();
  let columns: ReturnType<typeof readHeader> | undefined;
  for await (const { line, fields } of csvRows(lines)) {
    if (!columns) columns = readHeader(fields);
    else yield { line, record: recordOfRow(columns, fields), bytesRead };
  }
}

export const rejectedFileOf = (file: string) => `${file}.rejected.ndjson`;

export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const batchSize = Math.min(options.batchSize ?? MAX_RECORDS_PER_PUSH, MAX_RECORDS_PER_PUSH);
  const progress = options.progress?.(statSync(options.file).size);
  const rejectedFile = rejectedFileOf(options.file);
  writeFileSync(rejectedFile, '');
  const summary: ImportSummary = { imported: 0, unchanged: 0, rejected: 0, firstRejections: [], rejectedFile };
  let batch: Numbered[] = [];
  let read = 0;
  let bytesRead = 0;
  let line = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await pushChanges(
      options.db,
      batch.map((entry) => entry.record),
      { rules: options.rules },
    );
    summary.imported += result.accepted - result.unchanged;
    summary.unchanged += result.unchanged;
    const rejections = result.rejected.map((rejection) => ({
      line: batch[rejection.index]?.line ?? 0,
      id: rejection.id,
      reason: rejection.reason,
    }));
    summary.rejected += rejections.length;
    summary.firstRejections.push(...rejections.slice(0, SHOWN_REJECTIONS - summary.firstRejections.length));
    if (rejections.length > 0) appendFileSync(rejectedFile, rejections.map((r) => `${JSON.stringify(r)}\n`).join(''));
    batch = [];
    progress?.batch(read, bytesRead);
  };
  const records = options.format === 'csv' ? csvRecords(options.file) : ndjsonRecords(options.file);
  try {
    for await (const entry of records) {
      batch.push(entry);
      read += 1;
      bytesRead = entry.bytesRead;
      line = entry.line;
      progress?.update(read, bytesRead);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (error) {
    throw new ImportStoppedError(summary, batch[0]?.line ?? line, error);
  } finally {
    progress?.done();
  }
  return summary;
}
