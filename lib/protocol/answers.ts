import type { AuditEntry, ChainCheck } from '../audit/chain';
import type { SharedRegion } from '../feed/regions';
import type { Evaluation } from '../policy/evaluate';
import type { PolicyStatus, StoredPolicy } from '../policy/refresh';
import type { Gesture, GestureRecord, Policy } from '../policy/schema';
import type { Contacts, ProfileView } from '../privacy/view';
import type { QuarantinedRecord } from '../store';
import type { SyncOutcome } from '../sync/engine';
import type {
  CandidateSummary,
  ContentRequest,
  ContentRequestInput,
  PageRequest,
  PageRequestInput,
  SiteConfig,
} from './messages';

/** Every request the background answers: from extension pages, and from content scripts. */
export type BackgroundRequest = PageRequest | ContentRequest;
/** A request as sent, before the background's validation applies its defaults. */
export type BackgroundRequestInput = PageRequestInput | ContentRequestInput;
export type RequestType = BackgroundRequest['type'];

/**
 * What the background answers to each request type. The router's handlers must return exactly this
 * (lib/background/router.ts) and ask() returns it (client.ts): both ends read the same entry.
 */
export interface Answers {
  // From extension pages (pageRequestSchema).
  getCustomer: ProfileView | null;
  reveal: Contacts | null;
  notThisCustomer: null;
  search: CandidateSummary[];
  sharedRegions: SharedRegion[];
  decideRegion: null;
  syncNow: SyncOutcome;
  signOut: null;
  listQuarantine: QuarantinedRecord[];
  localAudit: { entries: AuditEntry[]; chain: ChainCheck };
  /** A page of the team's audit, newest first; `cursor` asks for the next one. */
  teamAudit: { entries: (AuditEntry & { receivedAt?: string })[]; cursor?: string };
  empowerment: Empowerment;
  grantGesture: { decision: Evaluation['decision']; rule: string; record: GestureRecord };
  policyInfo: { stored: StoredPolicy | null; status: PolicyStatus | null };
  checkGesture: Evaluation;
  gestureHistory: GestureRecord[];
  decideGesture: GestureRecord;
  customerNames: Record<string, string>;
  // From content scripts (contentRequestSchema). A recognition is answered before the lookup: the page learns nothing.
  recognize: null;
  siteConfig: SiteConfig;
  panelKey: null;
  setPanelOpen: null;
  adapterHealth: null;
}

/** Indexing by every request type is what makes a request without an answer a type error here. */
export type Answer<K extends RequestType> = Answers[K];

type RequestsByType = { [R in BackgroundRequest as R['type']]: R };
export type RequestOf<K extends RequestType> = RequestsByType[K];

/**
 * One handler per request type of a channel, `from` being what the router knows of the sender. A missing handler,
 * or one answering something else than its Answer, does not compile.
 */
export type Handlers<K extends RequestType, From> = {
  [T in K]: (request: RequestOf<T>, from: From) => Promise<Answer<T>>;
};

export interface GestureOption {
  gesture: Gesture;
  /** For the smallest size: 'allow' (within limits) or 'approval' (limits reached: approval only). */
  decision: Evaluation['decision'];
  rule: string;
  remaining: Evaluation['remaining'];
}

/** "What I can do for this customer": what the policy allows, what is left, what was already given. */
export interface Empowerment {
  policy: Pick<Policy, 'id' | 'currency' | 'timeZone'> | null;
  options: GestureOption[];
  /** Given to this customer (every channel, every agent) and my own requests for them, newest first. */
  history: GestureRecord[];
  /** The history could not be refreshed from the feed: cached history and unsent gestures were counted. */
  offline: boolean;
}
