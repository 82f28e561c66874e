// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultRegion } from '../../lib/identifiers/phone';
import type { ReconnuDb } from '../../lib/store';
import { unlockedDb } from '../unlocked-db';
import { type AccuracyReport, callerCases, loadCallerCustomers, measureAccuracy } from './accuracy';

// cases.json: the labelled set. held-out.json: written afterwards by someone who saw neither the set nor the code.
const SETS = ['cases.json', 'held-out.json'];
let db: ReconnuDb;
const reports = new Map<string, AccuracyReport>();

beforeAll(async () => {
  setDefaultRegion('FR');
  db = await unlockedDb('caller-accuracy');
  await loadCallerCustomers(db);
  for (const file of SETS) {
    const report = await measureAccuracy(db, document, file);
    reports.set(file, report);
    const percent = (report.accuracy * 100).toFixed(1);
    console.log(`${file}: ${report.right}/${report.cases} = ${percent} %; ${JSON.stringify(report.byOutcome)}`);
    for (const failure of report.failures) console.log(`  ${failure.outcome}: ${JSON.stringify(failure)}`);
  }
});
afterAll(() => db.delete());

describe('caller recognition on the labelled sets', () => {
  it('has at least 300 labelled cases over the countries we serve', () => {
    const cases = callerCases();
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const countries = new Set(cases.map((entry) => entry.country));
    for (const country of ['FR', 'BE', 'CH', 'LU', 'UK', 'DE', 'ES', 'IT', 'US']) expect(countries).toContain(country);
  });

  it.each(SETS)('%s: never the wrong person on screen, never one of several sharing a number', (file) => {
    const failures = reports.get(file)?.failures ?? [];
    expect(failures.filter((failure) => failure.outcome === 'wrong-person')).toEqual([]);
    expect(failures.filter((failure) => failure.outcome === 'auto-selected-shared')).toEqual([]);
  });
});
