import type { ExtensionBrowser } from '../browser';
import { attachToWorker } from './worker-cdp';

/** Samples the service worker's used JS heap (CDP Runtime.getHeapUsage) every 100 ms; stop() gives the peak in MB. */
export async function sampleWorkerHeap(browser: ExtensionBrowser): Promise<{ stop(): Promise<number> }> {
  const worker = await attachToWorker(browser);
  let peak = 0;
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const usage = await Promise.race([
        worker.send<{ usedSize: number }>('Runtime.getHeapUsage'),
        new Promise<undefined>((resolve) => setTimeout(resolve, 1000)),
      ]);
      if (usage) peak = Math.max(peak, usage.usedSize);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await sampling;
      await worker.close();
      return Math.round((peak / 1024 / 1024) * 10) / 10;
    },
  };
}
