// Per-token rate limit: a fixed one-minute window per access token (keyed by the token's id, never its secret), kept in
// this process's memory. With several hub processes behind a balancer each counts on its own, so a token may make up
// to N times the limit. Public routes (probes, /metrics) carry no token and are never limited.
import type { FastifyInstance } from 'fastify';

const WINDOW_MS = 60_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests per key in the current window; counts of earlier windows are dropped when a new one begins. */
export class FixedWindowLimiter {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  take(key: string, nowMs: number): Verdict {
    const window = Math.floor(nowMs / WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - nowMs) / 1000)) };
  }
}

/** Runs after authentication (hooks run in order): the token is known, and a 401 or 403 is not counted. */
export function installRateLimit(app: FastifyInstance, options: { perMinute: number }): void {
  if (options.perMinute <= 0) return;
  const limiter = new FixedWindowLimiter(options.perMinute);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.hubUser) return;
    const verdict = limiter.take(request.hubUser.tokenId, Date.now());
    if (verdict.allowed) return;
    request.log.warn({ retryAfter: verdict.retryAfterSeconds }, 'rate limited');
    return reply
      .status(429)
      .header('Retry-After', String(verdict.retryAfterSeconds))
      .send({
        error: 'rate_limited',
        message: `At most ${options.perMinute} requests a minute per access token; try again in ${verdict.retryAfterSeconds} s.`,
        retryAfter: verdict.retryAfterSeconds,
      });
  });
}
