import { postGestureDecision } from '../feed/client';
import { meItem } from '../feed/me';
import { displayName, type Me } from '../feed/schema';
import { asRecord, type GesturesDb } from '../gestures/outbox';
import { evaluate } from '../policy/evaluate';
import { policyInForce, policyItem, policyStatusItem } from '../policy/refresh';
import { GESTURES, type GestureRecord, gestureRecordSchema, type Policy } from '../policy/schema';
import { dayKey, daysBefore } from '../policy/units';
import { maySeeTeamAudit } from '../privacy/view';
import type { GestureOption, Handlers } from '../protocol/answers';
import { getCustomer, type ReconnuDb } from '../store';
import { feedConfig, feedList } from './feed-gestures';

/** The empowerment requests: what an agent may grant, and what a supervisor checks and decides. */
type GestureRequestType =
  | 'empowerment'
  | 'grantGesture'
  | 'policyInfo'
  | 'checkGesture'
  | 'gestureHistory'
  | 'decideGesture'
  | 'customerNames';

interface GestureDeps {
  db: ReconnuDb;
  gestures: GesturesDb;
  /** Tries to send the outbox now (does not wait for the feed). */
  deliver: () => void;
  /** The requests waiting for a decision changed, or were just read: the toolbar's count follows. */
  pendingChanged: (pending?: GestureRecord[]) => void;
}

async function signedIn(): Promise<Me> {
  const me = await meItem.getValue();
  if (!me) throw new Error('Not signed in to the feed.');
  return me;
}

async function supervisor(): Promise<Me> {
  const me = await signedIn();
  if (!maySeeTeamAudit(me)) throw new Error('Only supervisors can do this.');
  return me;
}

export function createGestureHandlers({
  db,
  gestures,
  deliver,
  pendingChanged,
}: GestureDeps): Handlers<GestureRequestType, unknown> {
  /** The customer's gestures and the agent's gestures of today (from the feed, else cached), plus unsent ones. */
  async function historyFor(customerId: string, agentId: string, policy: Policy) {
    const since = `${daysBefore(dayKey(new Date(), policy.timeZone), 2)}T00:00:00Z`;
    let offline = false;
    try {
      const [forCustomer, forAgent] = await Promise.all([
        feedList({ customer: customerId }),
        feedList({ agent: agentId, since }),
      ]);
      await gestures.known.bulkPut([...forCustomer, ...forAgent]);
    } catch {
      offline = true;
    }
    const known = await gestures.known
      .filter((record) => record.customerId === customerId || record.agentId === agentId)
      .toArray();
    const unsent = (await gestures.outbox.toArray()).filter((item) => !item.error).map(asRecord);
    const history = [...unsent, ...known].sort((a, b) => b.at.localeCompare(a.at));
    return { history, offline };
  }

  async function requirePolicy(): Promise<Policy> {
    const policy = await policyInForce();
    if (!policy) throw new Error('No valid empowerment policy is in force: gestures cannot be granted.');
    return policy;
  }

  async function requireCustomer(id: string) {
    const customer = await getCustomer(db, id);
    if (!customer) throw new Error(`Customer ${id} is not in the local store.`);
    return customer;
  }

  return {
    async empowerment(request) {
      const policy = await policyInForce();
      const me = await signedIn();
      if (!policy) return { policy: null, options: [], history: [], offline: false };
      const customer = await requireCustomer(request.customerId);
      const { history, offline } = await historyFor(customer.id, me.id, policy);
      const options: GestureOption[] = [];
      for (const gesture of GESTURES) {
        const probe = { gesture, size: 1, currency: policy.currency };
        const verdict = evaluate({ policy, me, customer, request: probe, history, now: new Date() });
        if (verdict.decision !== 'deny') options.push({ gesture, ...verdict });
      }
      const mine = history.filter(
        (record) => record.customerId === customer.id && (record.status !== 'rejected' || record.agentId === me.id),
      );
      const { id, currency, timeZone } = policy;
      return { policy: { id, currency, timeZone }, options, history: mine, offline };
    },
    async grantGesture(request) {
      const [policy, me] = await Promise.all([requirePolicy(), signedIn()]);
      const customer = await requireCustomer(request.customerId);
      const { history } = await historyFor(customer.id, me.id, policy);
      const { customerId, gesture, size, currency, reason } = request;
      const verdict = evaluate({
        policy,
        me,
        customer,
        request: { gesture, size, currency },
        history,
        now: new Date(),
      });
      if (verdict.decision === 'deny') throw new Error(verdict.rule);
      const channel = me.role === 'store' ? 'store' : 'phone';
      const approval = verdict.decision === 'approval';
      const body = { customerId, gesture, size, currency, reason, channel, approval } as const;
      const item = {
        key: crypto.randomUUID(),
        body,
        agentId: me.id,
        agentName: me.name,
        createdAt: new Date().toISOString(),
        attempts: 0,
      };
      await gestures.outbox.add(item);
      deliver();
      return { decision: verdict.decision, rule: verdict.rule, record: asRecord(item) };
    },
    async policyInfo() {
      const [stored, status] = await Promise.all([policyItem.getValue(), policyStatusItem.getValue()]);
      return { stored, status };
    },
    async checkGesture(request) {
      await supervisor();
      const policy = await requirePolicy();
      const person = policy.people.find((known) => known.id === request.agentId);
      if (!person) throw new Error(`${request.agentId} is not in the policy's team.`);
      const customer = await requireCustomer(request.customerId);
      const both = [...(await feedList({ customer: customer.id })), ...(await feedList({ agent: person.id }))];
      const history = [...new Map(both.map((record) => [record.id, record])).values()];
      const { gesture, size, currency } = request;
      return evaluate({ policy, me: person, customer, request: { gesture, size, currency }, history, now: new Date() });
    },
    async gestureHistory(request) {
      await supervisor();
      const { customer, agent, status, since, until } = request;
      const records = await feedList({ customer, agent, status, since });
      if (status === 'pending' && !customer && !agent && !since && !until) pendingChanged(records);
      // The feed filters from a time on; up to one is this side's.
      return until ? records.filter((record) => Date.parse(record.at) < Date.parse(until)) : records;
    },
    async decideGesture(request) {
      await supervisor(); // the feed checks the role too
      const answer = await postGestureDecision(await feedConfig(), request.id, request.verdict, request.comment);
      pendingChanged();
      return gestureRecordSchema.parse(answer);
    },
    async customerNames(request) {
      // Names only, of customers the supervisor's own history and approvals name: no profile is shown, none audited.
      await supervisor();
      const names: Record<string, string> = {};
      for (const id of new Set(request.ids)) {
        const customer = await getCustomer(db, id);
        if (customer) names[id] = displayName(customer);
      }
      return names;
    },
  };
}
