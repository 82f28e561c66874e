import { browser } from 'wxt/browser';
import type { AuditEntry, ChainCheck } from '../audit/chain';
import type { Empowerment } from '../background/gesture-handlers';
import type { SharedRegion } from '../feed/regions';
import type { Evaluation } from '../policy/evaluate';
import type { PolicyStatus, StoredPolicy } from '../policy/refresh';
import type { GestureRecord } from '../policy/schema';
import type { Contacts, ProfileView } from '../privacy/view';
import type { QuarantinedRecord } from '../store/db';
import type { SyncOutcome } from '../sync/engine';
import type { CandidateSummary, PageRequestInput, Reply } from './messages';

interface Answers {
  getCustomer: ProfileView | null;
  reveal: Contacts | null;
  notThisCustomer: null;
  search: CandidateSummary[];
  sharedRegions: SharedRegion[];
  decideRegion: null;
  syncNow: SyncOutcome;
  signOut: undefined;
  listQuarantine: QuarantinedRecord[];
  localAudit: { entries: AuditEntry[]; chain: ChainCheck };
  teamAudit: (AuditEntry & { receivedAt?: string })[];
  empowerment: Empowerment;
  grantGesture: { decision: Evaluation['decision']; rule: string; record: GestureRecord };
  policyInfo: { stored: StoredPolicy | null; status: PolicyStatus | null };
  checkGesture: Evaluation;
  gestureHistory: GestureRecord[];
  decideGesture: GestureRecord;
}

/** Sends a request from an extension page to the background and unwraps its reply (errors become exceptions). */
export async function ask<R extends PageRequestInput>(request: R): Promise<Answers[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Answers[R['type']]> | undefined;
  if (!reply) throw new Error('The background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
