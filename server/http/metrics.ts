// The hub's Prometheus metrics (prom-client), one registry per hub so that several hubs in one process (tests) keep
// their own. Labels are route patterns ("/v1/admin/users/:id"), methods and statuses: never a path as sent, an id, a
// query or anything of a customer.
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Counts the routes report: each becomes `hub_<name>_total`. */
const COUNTERS = {
  changes_served: 'Customers and deletions sent in /v1/changes pages.',
  customers_pushed: 'Customer and deletion records accepted by POST /v1/admin/customers.',
  audit_entries_accepted: 'Audit entries written by POST /v1/audit (duplicates not counted).',
} as const;

export type CounterName = keyof typeof COUNTERS;

/** Upper bounds of the request duration histogram, in seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class HubMetrics {
  private readonly registry = new Registry();
  private readonly counters: Record<CounterName, Counter>;
  private readonly requests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and method.',
    labelNames: ['route', 'method'],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    const counter = (name: CounterName) =>
      new Counter({ name: `hub_${name}_total`, help: COUNTERS[name], registers: [this.registry] });
    this.counters = {
      changes_served: counter('changes_served'),
      customers_pushed: counter('customers_pushed'),
      audit_entries_accepted: counter('audit_entries_accepted'),
    };
    // The process's CPU, memory, event-loop lag and handles, under hub_process_… and hub_nodejs_….
    collectDefaultMetrics({ register: this.registry, prefix: 'hub_' });
  }

  count(name: CounterName, by = 1): void {
    this.counters[name].inc(by);
  }

  observeRequest(request: { route: string; method: string; status: number; seconds: number }): void {
    this.requests.inc({ route: request.route, method: request.method, status: String(request.status) });
    this.durations.observe({ route: request.route, method: request.method }, request.seconds);
  }

  /** Every metric, in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Times every answer; a request that matched no route is counted under "unmatched", never under its path. */
export function installMetrics(app: FastifyInstance, metrics: HubMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest({
      route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
      method: request.method,
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
}
