// Caller recognition measured on the labelled set: each number is put on a page the way a softphone shows it (a field
// of text, or a tel:/sip: link), read by the same code the content script runs, and recognized by the background's
// lookup against tests/caller/customers.json. Shared by the unit test and `npm run bench -- caller`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWithSelectors } from '../../lib/detect/adapter-read';
import { fieldSightings } from '../../lib/detect/read-page';
import type { Customer } from '../../lib/feed/schema';
import type { Recognition } from '../../lib/lookup/service';
import { recognize } from '../../lib/lookup/service';
import { applyPage, type ReconnuDb } from '../../lib/store';

export interface CallerCase {
  input: string;
  expect: string | 'none' | { picker: string[] };
  kind: string;
  country: string | null;
  note: string;
}

export type Outcome = 'right' | 'wrong-person' | 'missed' | 'false-picker' | 'auto-selected-shared';

const DIR = import.meta.dirname;
export const callerCustomers = (): Customer[] => JSON.parse(readFileSync(join(DIR, 'customers.json'), 'utf8'));
/** The labelled cases: cases.json (the set), or held-out.json (written later, blind to the implementation). */
export const callerCases = (file = 'cases.json'): CallerCase[] => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

export async function loadCallerCustomers(db: ReconnuDb): Promise<void> {
  const changes = callerCustomers();
  await applyPage(db, { changes, quarantined: [], cursor: 'end', syncedAt: '2026-11-01T09:00:00Z' });
}

/** The number as a softphone shows it: a link for URIs, else the text of the caller field. */
export function callerField(doc: Document, input: string): Element {
  const root = doc.createElement('div');
  const field = /^(tel|callto|sip):/i.test(input.trim()) ? doc.createElement('a') : doc.createElement('span');
  field.className = 'caller';
  if (field instanceof HTMLAnchorElement) {
    field.href = input.trim();
    field.textContent = 'Appeler';
  } else field.textContent = input;
  root.append(field);
  doc.body.replaceChildren(root);
  return root;
}

export async function recognizeCaller(db: ReconnuDb, doc: Document, input: string): Promise<Recognition> {
  const reading = readWithSelectors(callerField(doc, input), { phones: '.caller' });
  if (reading.identifiers.phones.length === 0) return { status: 'unknown' };
  return (await recognize(db, fieldSightings({ emails: [], phones: reading.identifiers.phones, orders: [] })))
    .recognition;
}

export function judge(expected: CallerCase['expect'], state: Recognition): Outcome {
  if (typeof expected === 'object') {
    if (state.status === 'ambiguous') {
      const got = state.candidates.map(({ customer }) => customer.id).sort();
      return JSON.stringify(got) === JSON.stringify([...expected.picker].sort()) ? 'right' : 'wrong-person';
    }
    return state.status === 'matched' ? 'auto-selected-shared' : 'missed';
  }
  if (expected === 'none') {
    if (state.status === 'matched') return 'wrong-person';
    return state.status === 'ambiguous' ? 'false-picker' : 'right';
  }
  if (state.status === 'matched') return state.customer.id === expected ? 'right' : 'wrong-person';
  return state.status === 'ambiguous' ? 'false-picker' : 'missed';
}

export interface AccuracyReport {
  cases: number;
  right: number;
  accuracy: number;
  wrongPerson: number;
  byOutcome: Record<Outcome, number>;
  failures: { input: string; expect: CallerCase['expect']; got: string; outcome: Outcome; kind: string }[];
}

export async function measureAccuracy(db: ReconnuDb, doc: Document, file?: string): Promise<AccuracyReport> {
  const byOutcome: Record<Outcome, number> = {
    right: 0,
    'wrong-person': 0,
    missed: 0,
    'false-picker': 0,
    'auto-selected-shared': 0,
  };
  const failures: AccuracyReport['failures'] = [];
  const cases = callerCases(file);
  for (const entry of cases) {
    const state = await recognizeCaller(db, doc, entry.input);
    const outcome = judge(entry.expect, state);
    byOutcome[outcome]++;
    if (outcome !== 'right') {
      const got =
        state.status === 'matched'
          ? state.customer.id
          : state.status === 'ambiguous'
            ? state.candidates.map(({ customer }) => customer.id).join('|')
            : state.status;
      failures.push({ input: entry.input, expect: entry.expect, got, outcome, kind: entry.kind });
    }
  }
  const accuracy = byOutcome.right / cases.length;
  return {
    cases: cases.length,
    right: byOutcome.right,
    accuracy,
    wrongPerson: byOutcome['wrong-person'] + byOutcome['auto-selected-shared'],
    byOutcome,
    failures,
  };
}
