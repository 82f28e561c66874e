// The labelled caller set, measured in Node with the same code the extension runs (field reading, E.164
// normalization, lookup) over fake-indexeddb and a happy-dom document: accuracy is a property of the logic, and the
// tab's lookup rate limit (30 per 10 s) would make 400+ cases through the browser a five-minute wait.
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { setDefaultRegion } from '../../lib/identifiers/phone';
import { type AccuracyReport, loadCallerCustomers, measureAccuracy } from '../../tests/caller/accuracy';
import { unlockedDb } from '../../tests/unlocked-db';

export async function callerAccuracy(file?: string): Promise<AccuracyReport> {
  setDefaultRegion('FR');
  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const name of ['HTMLAnchorElement', 'HTMLInputElement', 'HTMLTextAreaElement', 'NodeFilter', 'Element']) {
    globals[name] ??= (window as unknown as Record<string, unknown>)[name];
  }
  const db = await unlockedDb('bench-caller');
  try {
    await loadCallerCustomers(db);
    return await measureAccuracy(db, window.document as unknown as Document, file);
  } finally {
    await db.delete();
    await window.happyDOM.close();
  }
}
