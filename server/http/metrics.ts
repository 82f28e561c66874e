// The hub's Prometheus metrics, in the text exposition format (0.0.4), kept per process. Labels are route patterns
// ("/v1/admin/users/:id"), methods and statuses: never a path as sent, an id, a query or anything of a customer.
import type { FastifyInstance } from 'fastify';

/** Counts the routes report: each becomes `hub_<name>_total`. */
const COUNTERS = {
  changes_served: 'Customers and deletions sent in /v1/changes pages.',
  customers_pushed: 'Customer and deletion records accepted by POST /v1/admin/customers.',
  audit_entries_accepted: 'Audit entries written by POST /v1/audit (duplicates not counted).',
} as const;

export type CounterName = keyof typeof COUNTERS;

/** Upper bounds of the request duration histogram, in seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  labels: string;
  buckets: number[];
  sum: number;
  count: number;
}

const escapeLabel = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

function labelsOf(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',');
}

export class HubMetrics {
  private readonly counters = new Map<CounterName, number>();
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();

  count(name: CounterName, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  observeRequest(request: { route: string; method: string; status: number; seconds: number }): void {
    const requestLabels = labelsOf({ route: request.route, method: request.method, status: String(request.status) });
    this.requests.set(requestLabels, (this.requests.get(requestLabels) ?? 0) + 1);
    const durationLabels = labelsOf({ route: request.route, method: request.method });
    const histogram = this.durations.get(durationLabels) ?? {
      labels: durationLabels,
      buckets: DURATION_BUCKETS.map(() => 0),
      sum: 0,
      count: 0,
    };
    DURATION_BUCKETS.forEach((bound, index) => {
      if (request.seconds <= bound) histogram.buckets[index] = (histogram.buckets[index] ?? 0) + 1;
    });
    histogram.sum += request.seconds;
    histogram.count += 1;
    this.durations.set(durationLabels, histogram);
  }

  /** Every metric, in the Prometheus text format. */
  render(): string {
    const lines: string[] = [
      '# HELP hub_http_requests_total HTTP requests answered, by route pattern, method and status.',
      '# TYPE hub_http_requests_total counter',
      ...[...this.requests].map(([labels, value]) => `hub_http_requests_total{${labels}} ${value}`),
      '# HELP hub_http_request_duration_seconds Time to answer an HTTP request, by route pattern and method.',
      '# TYPE hub_http_request_duration_seconds histogram',
    ];
    for (const histogram of this.durations.values()) {
      const bucket = (le: string, value: number) =>
        `hub_http_request_duration_seconds_bucket{${histogram.labels},le="${le}"} ${value}`;
      lines.push(
        ...DURATION_BUCKETS.map((bound, index) => bucket(String(bound), histogram.buckets[index] ?? 0)),
        bucket('+Inf', histogram.count),
        `hub_http_request_duration_seconds_sum{${histogram.labels}} ${histogram.sum}`,
        `hub_http_request_duration_seconds_count{${histogram.labels}} ${histogram.count}`,
      );
    }
    for (const [name, help] of Object.entries(COUNTERS) as [CounterName, string][]) {
      lines.push(`# HELP hub_${name}_total ${help}`, `# TYPE hub_${name}_total counter`);
      lines.push(`hub_${name}_total ${this.counters.get(name) ?? 0}`);
    }
    return `${lines.join('\n')}\n`;
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
