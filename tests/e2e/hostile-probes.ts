// What the hostile-input tests look for in the extension's pages and the panel frame.
import type { BrowserContext, Frame, Page } from 'playwright-core';

/** Counts every dialog (alert, confirm, prompt) any page or frame of the context opens, and dismisses it. */
export function watchDialogs(context: BrowserContext): { count(): number } {
  let count = 0;
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      count++;
      void dialog.dismiss();
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  return { count: () => count };
}

/** Elements and attributes that data rendered as markup would have created, and the flags a payload would set. */
export function inertness(frame: Frame | Page, within = '#root') {
  return frame.evaluate((selector) => {
    const root = document.querySelector(selector) ?? document.body;
    const all = [...root.querySelectorAll('*')];
    return {
      active: root.querySelectorAll('script, img, svg, iframe, object, embed, link, style, base, form').length,
      handlers: all.filter((element) => [...element.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
        .length,
      urls: root.querySelectorAll('[href], [src], [action], [formaction]').length,
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      polluted: ({} as Record<string, unknown>).polluted ?? null,
      text: root.textContent ?? '',
    };
  }, within);
}

/** Records, inside the panel frame, every customer it ever shows: headings and picker entries. */
export async function recordShownCustomers(frame: Frame): Promise<() => Promise<number>> {
  await frame.evaluate(() => {
    const shown = new Set<string>();
    const take = () => {
      for (const element of document.querySelectorAll('#customer-name, .results li'))
        shown.add(element.textContent ?? '');
    };
    new MutationObserver(take).observe(document.body, { childList: true, subtree: true, characterData: true });
    (window as { __shown?: Set<string> }).__shown = shown;
    take();
  });
  return () => frame.evaluate(() => (window as { __shown?: Set<string> }).__shown?.size ?? 0);
}
