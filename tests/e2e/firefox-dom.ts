// What the Firefox test does in the extension's pages, run inside them through the DevTools server: find a field by
// its label and type into it, click a button by its name, read text. The events are the DOM's own (a field's `input`,
// a button's `click`), dispatched as React listens for them. Each function is sent as source: self-contained.
import type { DevToolsTarget } from '../../scripts/firefox-devtools';

/** Where to look: the whole page, or the element matching `within` whose text contains `containing`. */
export interface Scope {
  within?: string;
  containing?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept` takes its value; throws with the last value after `timeout` ms. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeout = 20_000, what = 'the condition' }: { timeout?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read().catch((error: Error) => error);
    if (!(value instanceof Error) && accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Waited for ${what}; last: ${JSON.stringify(value)}`);
    await sleep(200);
  }
}

/** The text of the first element matching `selector` (null when there is none). */
export function textOf(page: DevToolsTarget, selector: string): Promise<string | null> {
  return page.evaluate((css) => document.querySelector(css)?.textContent?.trim() ?? null, selector);
}

/** The texts of every element matching `selector`. */
export function textsOf(page: DevToolsTarget, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) => [...document.querySelectorAll(css)].map((element) => element.textContent?.trim() ?? ''),
    selector,
  );
}

/** Waits until an element matching `selector` has text containing (or matching) `expected`; answers that text. */
export async function waitForText(
  page: DevToolsTarget,
  selector: string,
  expected: string | RegExp,
  timeout = 20_000,
): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
  const texts = await waitUntil(
    () => textsOf(page, selector),
    (all) => all.some(matches),
    { timeout, what: `${selector} to read ${expected}` },
  );
  return texts.find(matches) as string;
}

/**
 * Types `value` into the field labelled `label` (its `<label>` text, or its aria-label), as a keyboard would; in a
 * list, picks the option labelled `value`.
 */
export async function fill(page: DevToolsTarget, label: string, value: string, scope: Scope = {}): Promise<void> {
  const filled = await page.evaluate(
    (name, text, { within, containing }) => {
      const roots = within
        ? [...document.querySelectorAll(within)].filter((root) => (root.textContent ?? '').includes(containing ?? ''))
        : [document];
      const root = roots[0];
      if (!root) return false;
      const byLabel = [...root.querySelectorAll('label')].find((one) => one.textContent?.trim().startsWith(name));
      const field = (byLabel?.control ?? root.querySelector(`[aria-label="${name}"]`)) as
        | HTMLInputElement
        | HTMLTextAreaElement
        | HTMLSelectElement
        | null;
      if (!field) return false;
      // A list takes the option of that label, as a pick does.
      const picked =
        field instanceof HTMLSelectElement
          ? [...field.options].find((option) => option.textContent?.trim() === text)?.value
          : text;
      if (picked === undefined) return false;
      // The prototype's setter, as typing does: React tracks the value the element's own property last set.
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
      setter?.call(field, picked);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    label,
    value,
    scope,
  );
  if (!filled) throw new Error(`No field labelled ${label} in ${page.url}`);
}

/** Clicks the first enabled button (or option, or link) whose text or aria-label starts with `name`. */
export async function click(page: DevToolsTarget, name: string, scope: Scope & { role?: string } = {}): Promise<void> {
  const clicked = await page.evaluate(
    (text, { within, containing, role }) => {
      const roots = within
        ? [...document.querySelectorAll(within)].filter((root) => (root.textContent ?? '').includes(containing ?? ''))
        : [document];
      const candidates = roots.flatMap((root) => [
        ...root.querySelectorAll<HTMLElement>(role ? `[role="${role}"]` : 'button, a, summary, [role="option"]'),
      ]);
      const target = candidates.find(
        (one) =>
          !(one as HTMLButtonElement).disabled &&
          ((one.getAttribute('aria-label') ?? '').startsWith(text) || (one.textContent ?? '').trim().startsWith(text)),
      );
      target?.click();
      return !!target;
    },
    name,
    scope,
  );
  if (!clicked) throw new Error(`Nothing named ${name} to click in ${page.url}`);
}

/**
 * Brings the page's tab to the front, as a user switching to it does. A page in a tab behind others is hidden, and
 * pauses what it polls (TanStack Query refetches only visible pages) until it is shown again.
 */
export async function bringToFront(page: DevToolsTarget): Promise<void> {
  await page.evaluate(async () => {
    const { tabs } = (
      globalThis as unknown as {
        browser: {
          tabs: { getCurrent(): Promise<{ id?: number }>; update(id: number, change: object): Promise<unknown> };
        };
      }
    ).browser;
    const tab = await tabs.getCurrent();
    if (tab.id !== undefined) await tabs.update(tab.id, { active: true });
    return true;
  });
  await waitUntil(
    () => page.evaluate(() => document.visibilityState),
    (state) => state === 'visible',
    { what: `${page.url} to be shown` },
  );
}
