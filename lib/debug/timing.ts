/**
 * Timing breakdowns for benchmarks only (scripts/bench/lookup-breakdown.ts). Off unless something with access to the
 * worker's global scope (a DevTools session) sets `globalThis.__reconnuTiming = {}`: then each span's durations are
 * collected there by name. Otherwise a span is the work itself, with one property read as its only cost.
 */
type Spans = Record<string, number[]>;

function spans(): Spans | undefined {
  return (globalThis as { __reconnuTiming?: Spans }).__reconnuTiming;
}

export function span<T>(name: string, work: () => Promise<T>): Promise<T> {
  const collected = spans();
  if (!collected) return work();
  const started = performance.now();
  return work().finally(() => add(collected, name, performance.now() - started));
}

function add(collected: Spans, name: string, ms: number): void {
  const list = collected[name] ?? [];
  list.push(ms);
  collected[name] = list;
}

/** Records a duration measured by hand (e.g. the wait before a transaction's callback runs). */
export function mark(name: string, since: number): void {
  const collected = spans();
  if (collected) add(collected, name, performance.now() - since);
}

export function timingOn(): boolean {
  return spans() !== undefined;
}
