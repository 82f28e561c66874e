import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  corpusAgent,
  corpusCases,
  corpusCustomers,
  HELD_OUT_SETS,
  heldOutCases,
  heldOutCustomers,
  type Outcome,
  runCorpus,
} from '../../tests/recognition/corpus';
import { configureFeed, type ExtensionBrowser, launchWithExtension } from '../browser';
import { startFeedServer } from '../feed-server/server';
import { percentile, round } from './stats';

/**
 * The baseline: the last build before recognition by evidence, when generic detection looked every visible identifier
 * up at once and had no way to turn adapters off (so its "generic" run is under whatever adapter its fingerprints
 * chose). Built once from the repository's history and cached in the system's temporary directory.
 */
const BASELINE_COMMIT = '0343589';
const ROOT = resolve(import.meta.dirname, '..', '..');

function baselineBuild(): string {
  // Outside the repository: under node_modules WXT would not treat its entrypoints as such, and inside it the test
  // runner and the linter would take its files for ours.
  const dir = join(tmpdir(), 'reconnu-recognition-baseline', BASELINE_COMMIT);
  const output = join(dir, '.output', 'chrome-mv3');
  if (existsSync(join(output, 'manifest.json'))) return output;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`Building the baseline (${BASELINE_COMMIT}) in ${dir}…`);
  execFileSync('bash', ['-c', `git -C "${ROOT}" archive ${BASELINE_COMMIT} | tar -x -C "${dir}"`], {
    stdio: 'inherit',
  });
  const quiet = { cwd: dir, stdio: 'inherit' } as const;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], quiet);
  execFileSync('npx', ['wxt', 'build'], quiet);
  return output;
}

/** Generated customers beside the corpus's own, so lookups run against a store of realistic size. */
const GENERATED = Number(process.env.BENCH_CUSTOMERS ?? 2_000);

export interface RecognitionFigures {
  pages: number;
  autoCorrect: number;
  picker: number;
  wrongPerson: number;
  unknownCorrect: number;
  p95Ms: number;
}

/** The bench's figures over a set of outcomes: shares of the pages with (or without) a customer. */
export function figures(outcomes: readonly Outcome[]): RecognitionFigures {
  const count = (verdict: Outcome['verdict']) => outcomes.filter((outcome) => outcome.verdict === verdict).length;
  const withCustomer = outcomes.filter((outcome) => outcome.expect !== null).length;
  const without = outcomes.length - withCustomer;
  const times = outcomes.flatMap((outcome) => (outcome.ms === undefined ? [] : [outcome.ms]));
  return {
    pages: outcomes.length,
    autoCorrect: round(count('auto-correct') / Math.max(1, withCustomer), 3),
    picker: round(count('picker') / Math.max(1, outcomes.length), 3),
    wrongPerson: count('wrong-person'),
    unknownCorrect: round(count('unknown-correct') / Math.max(1, without), 3),
    p95Ms: round(percentile(times, 95), 1),
  };
}

/** Per product: "right/pages" in each mode, and every page that was not right. */
function report(outcomes: readonly Outcome[]): void {
  const products = [...new Set(outcomes.map((outcome) => outcome.product))].sort();
  for (const product of products) {
    const line = (['generic', 'adapter'] as const).flatMap((mode) => {
      const mine = outcomes.filter((outcome) => outcome.product === product && outcome.mode === mode);
      const right = mine.filter((outcome) => ['auto-correct', 'unknown-correct'].includes(outcome.verdict)).length;
      return mine.length ? [`${mode} ${right}/${mine.length}`] : [];
    });
    console.log(`${product.padEnd(22)} ${line.join('  ')}`);
  }
  for (const outcome of outcomes) {
    if (outcome.verdict === 'auto-correct' || outcome.verdict === 'unknown-correct') continue;
    const doubt = outcome.disputed ? ', a label the labeller doubted' : '';
    console.log(
      `  ${outcome.verdict.padEnd(13)} ${outcome.mode.padEnd(8)} ${outcome.file} (got ${outcome.got}${doubt})`,
    );
  }
}

const heldOut = HELD_OUT_SETS.every((folder) => existsSync(join(folder, 'cases.json')));

/** Both runs of the corpus (generic, then under adapters), then the held-out pages, in one browser. */
async function runAll(browser: ExtensionBrowser): Promise<{ corpus: Outcome[]; heldOut: Outcome[] }> {
  const generic = await runCorpus(browser, corpusCases(), 'generic');
  const adapter = await runCorpus(browser, corpusCases(), 'adapter');
  const unseen = heldOut ? await runCorpus(browser, heldOutCases(), 'generic') : [];
  return { corpus: [...generic, ...adapter], heldOut: unseen };
}

const summary = ({ corpus, heldOut: unseen }: { corpus: Outcome[]; heldOut: Outcome[] }) => ({
  ...figures(corpus.filter((outcome) => outcome.mode === 'generic')),
  adapterRun: figures(corpus.filter((outcome) => outcome.mode === 'adapter')),
  ...(unseen.length > 0 && { heldOut: figures(unseen) }),
});

/** The corpus through the built extension, then through the baseline build, against the same feed. */
export async function benchRecognition(): Promise<Record<string, unknown>> {
  const baselineDir = baselineBuild();
  const people = [...corpusCustomers(), ...(heldOut ? heldOutCustomers() : [])];
  const feed = await startFeedServer({ customers: GENERATED, seed: 'recognition', agent: corpusAgent() });
  feed.control.put(people);
  const results: { corpus: Outcome[]; heldOut: Outcome[] }[] = [];
  try {
    for (const extensionDir of [undefined, baselineDir]) {
      const browser = await launchWithExtension(extensionDir ? { extensionDir } : {});
      try {
        await configureFeed(browser, feed, GENERATED + people.length);
        results.push(await runAll(browser));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await feed.close();
  }
  const [current, baseline] = results;
  if (!current || !baseline) throw new Error('A run of the corpus did not finish.');
  for (const [title, run] of [
    ['This build', current],
    [`Baseline (${BASELINE_COMMIT})`, baseline],
  ] as const) {
    console.log(`${title}:`);
    report(run.corpus);
    if (run.heldOut.length > 0) console.log('Held out:');
    report(run.heldOut);
  }
  return { ...summary(current), baseline: summary(baseline) };
}
