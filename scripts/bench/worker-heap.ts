import type { ExtensionBrowser } from '../browser';

/** Samples the service worker's JS heap every 100 ms; stop() returns the peak in MB. */
export async function sampleWorkerHeap(browser: ExtensionBrowser): Promise<{ stop(): number | null }> {
  let peak = 0;
  let stopped = false;
  const sample = async () => {
    while (!stopped) {
      const worker = browser.context.serviceWorkers()[0];
      const used = await worker
        ?.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize)
        .catch(() => undefined);
      if (used) peak = Math.max(peak, used);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  void sample();
  return {
    stop: () => {
      stopped = true;
      return peak ? Math.round((peak / 1024 / 1024) * 10) / 10 : null;
    },
  };
}
