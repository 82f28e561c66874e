import { corpusAgent, corpusCases, corpusCustomers, type Outcome, runCorpus } from '../../tests/recognition/corpus';
import { configureFeed, launchWithExtension } from '../browser';
import { startFeedServer } from '../feed-server/server';
import { percentile, round } from './stats';

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
    console.log(`  ${outcome.verdict.padEnd(13)} ${outcome.mode.padEnd(8)} ${outcome.file} (got ${outcome.got})`);
  }
}

/** The corpus through the built extension, generic detection alone, then under each product's adapter. */
export async function benchRecognition(): Promise<Record<string, unknown>> {
  const cases = corpusCases();
  const people = corpusCustomers();
  const feed = await startFeedServer({ customers: GENERATED, seed: 'recognition', agent: corpusAgent() });
  feed.control.put(people);
  const browser = await launchWithExtension();
  try {
    await configureFeed(browser, feed, GENERATED + people.length);
    const generic = await runCorpus(browser, cases, 'generic');
    const adapter = await runCorpus(browser, cases, 'adapter');
    report([...generic, ...adapter]);
    const all = figures(generic);
    return { ...all, adapterRun: figures(adapter) };
  } finally {
    await browser.close();
    await feed.close();
  }
}
