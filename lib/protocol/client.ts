import { browser } from 'wxt/browser';
import type { Customer } from '../feed/schema';
import type { QuarantinedRecord } from '../store/db';
import type { SyncOutcome } from '../sync/engine';
import type { CandidateSummary, PageRequest, Reply } from './messages';

interface Answers {
  getCustomer: Customer | null;
  search: CandidateSummary[];
  syncNow: SyncOutcome;
  listQuarantine: QuarantinedRecord[];
}

/** Sends a request from an extension page to the background and unwraps its reply (errors become exceptions). */
export async function ask<R extends PageRequest>(request: R): Promise<Answers[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Answers[R['type']]> | undefined;
  if (!reply) throw new Error('The background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
