// `import FILE`: loads customers and deletions from an NDJSON or CSV file (server/import/), printing progress on
// stderr and, at the end, what was imported and what was rejected, with the line and reason.
import { existsSync } from 'node:fs';
import { openDatabase } from '../db/open';
import { CsvHeaderError } from '../import/csv';
import { progressOn } from '../import/progress';
import { type ImportFormat, ImportStoppedError, type ImportSummary, importFile } from '../import/run';
import { scopeRules } from '../scopes/rules';
import { type HubCommand, UsageError } from './command';

function formatOf(file: string, flag: unknown): ImportFormat {
  if (flag === 'ndjson' || flag === 'csv') return flag;
  if (flag !== undefined) throw new UsageError('--format must be ndjson or csv.');
  if (/\.(nd)?jsonl?$/i.test(file) || /\.ndjson$/i.test(file)) return 'ndjson';
  if (/\.csv$/i.test(file)) return 'csv';
  throw new UsageError(`Cannot tell the format of ${file} from its name: add --format ndjson or --format csv.`);
}

function report(summary: ImportSummary): void {
  console.log(`Imported ${summary.imported}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`);
  for (const rejection of summary.firstRejections) {
    console.log(`  line ${rejection.line}${rejection.id ? ` (${rejection.id})` : ''}: ${rejection.reason}`);
  }
  if (summary.rejected > summary.firstRejections.length) {
    console.log(`  … and ${summary.rejected - summary.firstRejections.length} more.`);
  }
  if (summary.rejected > 0) console.log(`Every rejected record, with its line and reason: ${summary.rejectedFile}`);
}

export const importCommand: HubCommand = {
  name: 'import',
  usage: 'import FILE [--format ndjson|csv] [--data DIR]',
  flags: { format: { type: 'string' } },
  async run({ config, values, positionals }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Name one file to import.');
    if (!existsSync(file)) throw new UsageError(`No file ${file}.`);
    const format = formatOf(file, values.format);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const summary = await importFile({
        db,
        file,
        format,
        rules: scopeRules({ storeOnlineMonths: config.storeOnlineMonths }),
        progress: (totalBytes) => progressOn(process.stderr, totalBytes),
      });
      report(summary);
    } catch (error) {
      if (!(error instanceof ImportStoppedError)) throw error;
      report(error.summary);
      const why = error.cause instanceof CsvHeaderError ? error.cause.message : 'the database refused the batch';
      console.error(
        `Stopped near line ${error.line}: ${why}. The batches before it are applied; importing the file again ` +
          'leaves them unchanged.',
      );
      process.exitCode = 1;
    } finally {
      await db.close();
    }
  },
};
