import type { Frame, Page } from 'playwright-core';

/** Epoch ms of the panel's latest "painted" mark (see entrypoints/panel), waiting for one to exist. */
export async function panelPaintedAt(frame: Frame, timeout = 15_000): Promise<number> {
  await frame.waitForFunction(() => performance.getEntriesByName('reconnu:panel-painted').length > 0, null, {
    timeout,
  });
  return frame.evaluate(() => {
    const marks = performance.getEntriesByName('reconnu:panel-painted');
    return performance.timeOrigin + (marks.at(-1) as PerformanceEntry).startTime;
  });
}

/** Epoch ms at which a page's navigation started. */
export function navigationStartedAt(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin);
}

/** Epoch ms of the page's first contentful paint. */
export function firstPaintAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries()[0];
          if (entry) resolve(performance.timeOrigin + entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}
