// The hub the end-to-end tests sync from (scripts/demo/hub.ts): generated customers plus people given whole, and an
// agent who may be the recognition corpus's (its name, email and own phones, and its organization's addresses).
import type { AuditEntry } from '../../lib/audit/chain';
import type { Customer, Me } from '../../lib/feed/schema';
import { type DemoHub, startDemoHub } from '../../scripts/demo/hub';
import { customerId, generateCustomer } from '../../scripts/feed-server/generator';

/** The hub serves store staff only their store's customers (and those active online): this one is the demo store's. */
export const inStore = (customer: Customer): Customer => ({
  ...customer,
  stores: [...new Set([...(customer.stores ?? []), 'paris-rivoli'])],
});

export interface TestHub extends DemoHub {
  /** How many customers the agent's extension holds once synced. */
  expected: number;
  /** The agent's feed settings, for `configureFeed`. */
  agentFeed: { url: string; token: string };
  /** Pushes customers or deletions through the admin API; throws when the hub refuses any of them. */
  push(records: readonly unknown[]): Promise<void>;
  /** Every audit entry the hub holds, as a supervisor reads them (`GET /v1/audit`): newest first. */
  audit(query?: Record<string, string>): Promise<AuditEntry[]>;
}

export async function startTestHub(options: {
  seed: string;
  customers: number;
  people?: readonly Customer[];
  /** The agent the agent token signs in as (a `Me`, e.g. `corpusAgent()`): its organization becomes the hub's. */
  agent?: Me;
}): Promise<TestHub> {
  const people = options.people ?? [];
  const agent = options.agent;
  const hub = await startDemoHub({
    customers: (index) => generateCustomer(options.seed, index),
    count: options.customers,
    story: people,
    ...(agent && {
      agent: { name: agent.name, email: agent.email, phones: agent.phones ?? [] },
      organization: agent.organization,
    }),
  });
  const ids = new Set(Array.from({ length: options.customers }, (_, index) => customerId(index)));
  for (const person of people) ids.add(person.id);
  return {
    ...hub,
    expected: ids.size,
    agentFeed: { url: hub.url, token: hub.tokens.agent },
    async push(records) {
      const answer = (await hub.admin('POST', '/v1/admin/customers', { customers: records })) as {
        rejected: unknown[];
      };
      if (answer.rejected.length) throw new Error(`The hub refused records: ${JSON.stringify(answer.rejected)}`);
    },
    async audit(query = {}) {
      const entries: AuditEntry[] = [];
      for (let cursor: string | undefined, first = true; first || cursor; first = false) {
        const params = new URLSearchParams({ ...query, limit: '1000', ...(cursor && { cursor }) });
        const response = await fetch(`${hub.url}/v1/audit?${params}`, {
          headers: { Authorization: `Bearer ${hub.tokens.supervisor}` },
        });
        if (!response.ok) throw new Error(`GET /v1/audit answered ${response.status}`);
        const page = (await response.json()) as { entries: AuditEntry[]; cursor?: string };
        entries.push(...page.entries);
        cursor = page.cursor;
      }
      return entries;
    },
  };
}
