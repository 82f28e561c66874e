/** Full-jitter exponential backoff: a random delay in [0, min(cap, base·2^attempt)], never below Retry-After. */
export function backoffDelay(attempt: number, retryAfterMs: number | null, random = Math.random): number {
  const base = 500;
  const cap = 30_000;
  const jittered = Math.round(random() * Math.min(cap, base * 2 ** attempt));
  return Math.max(jittered, retryAfterMs ?? 0);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
