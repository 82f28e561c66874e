// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultRegion } from '../../lib/identifiers/phone';
import { ReconnuDb } from '../../lib/store/db';
import { type AccuracyReport, callerCases, loadCallerCustomers, measureAccuracy } from './accuracy';

let db: ReconnuDb;
let report: AccuracyReport;

beforeAll(async () => {
  setDefaultRegion('FR');
  db = new ReconnuDb(`caller-accuracy-${Math.random()}`);
  await loadCallerCustomers(db);
  report = await measureAccuracy(db, document);
  const percent = (report.accuracy * 100).toFixed(1);
  console.log(
    `caller accuracy: ${report.right}/${report.cases} = ${percent} %; outcomes ${JSON.stringify(report.byOutcome)}`,
  );
  for (const failure of report.failures) console.log(`  ${failure.outcome}: ${JSON.stringify(failure)}`);
});
afterAll(() => db.delete());

describe('caller recognition on the labelled set', () => {
  it('has at least 300 labelled cases over the countries we serve', () => {
    const cases = callerCases();
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const countries = new Set(cases.map((entry) => entry.country));
    for (const country of ['FR', 'BE', 'CH', 'LU', 'UK', 'DE', 'ES', 'IT', 'US']) expect(countries).toContain(country);
  });

  it('never puts the wrong person on screen, and never picks one of several sharing a number', () => {
    expect(report.failures.filter((failure) => failure.outcome === 'wrong-person')).toEqual([]);
    expect(report.failures.filter((failure) => failure.outcome === 'auto-selected-shared')).toEqual([]);
  });
});
