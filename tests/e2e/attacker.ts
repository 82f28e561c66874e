// What an attacker's page, or a renderer it compromised, can observe: the end-to-end attacks use these.
import type { Page } from 'playwright-core';

/**
 * Counts what a page can watch of Reconnu's reactions to what it shows: changes to its document outside the
 * ticket it writes to (the dock's style, the panel's host element), and focus moving into the panel (the page's
 * window blurs while the panel's host element becomes its active element). The browser's own focus moves between
 * tabs are not a reaction of Reconnu's and are not counted.
 */
export async function pageReactions(page: Page, ticketSelector = '#ticket') {
  await page.evaluate((selector) => {
    const ticket = document.querySelector(selector);
    const counts = { style: 0, focus: 0 };
    (window as unknown as { __reactions: typeof counts }).__reactions = counts;
    new MutationObserver((records) => {
      for (const record of records) if (!ticket?.contains(record.target)) counts.style++;
    }).observe(document.documentElement, { attributes: true, childList: true, subtree: true, characterData: true });
    const intoPanel = () => document.activeElement?.localName === 'reconnu-panel';
    addEventListener('blur', () => setTimeout(() => intoPanel() && counts.focus++));
    document.addEventListener('focusin', () => intoPanel() && counts.focus++);
  }, ticketSelector);
  return {
    reset: () =>
      page.evaluate(() => {
        const counts = (window as unknown as { __reactions: { style: number; focus: number } }).__reactions;
        counts.style = 0;
        counts.focus = 0;
      }),
    read: () =>
      page.evaluate(() => {
        const counts = (window as unknown as { __reactions: { style: number; focus: number } }).__reactions;
        return { styleChanges: counts.style, focusEvents: counts.focus, active: document.activeElement?.tagName };
      }),
  };
}

/**
 * The top frame's content-script world, as a compromised renderer would have it: the DevTools protocol lists the
 * extension's isolated world among the frame's execution contexts.
 */
export async function contentScriptWorld(page: Page) {
  const session = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await session.send('Runtime.enable');
  const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.name === 'Reconnu');
  if (!world) throw new Error(`No Reconnu world among ${contexts.map((context) => context.name).join(', ')}`);
  return {
    async evaluate(expression: string): Promise<string> {
      const { result } = await session.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      return String(result.value);
    },
    close: () => session.detach(),
  };
}
