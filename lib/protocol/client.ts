import { browser } from 'wxt/browser';
import type { AuditEntry, ChainCheck } from '../audit/chain';
import type { Contacts, ProfileView } from '../privacy/view';
import type { QuarantinedRecord } from '../store/db';
import type { SyncOutcome } from '../sync/engine';
import type { CandidateSummary, PageRequestInput, Reply } from './messages';

interface Answers {
  getCustomer: ProfileView | null;
  reveal: Contacts | null;
  search: CandidateSummary[];
  syncNow: SyncOutcome;
  signOut: undefined;
  listQuarantine: QuarantinedRecord[];
  localAudit: { entries: AuditEntry[]; chain: ChainCheck };
  teamAudit: (AuditEntry & { receivedAt?: string })[];
}

/** Sends a request from an extension page to the background and unwraps its reply (errors become exceptions). */
export async function ask<R extends PageRequestInput>(request: R): Promise<Answers[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Answers[R['type']]> | undefined;
  if (!reply) throw new Error('The background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
