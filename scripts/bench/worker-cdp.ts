import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';

/**
 * A DevTools session on the extension's service worker, reached through a page's session (Playwright gives no
 * direct session on workers of a persistent context).
 */
export async function attachToWorker(browser: ExtensionBrowser) {
  const page = await browser.context.newPage();
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (target) => target.type === 'service_worker' && target.url.includes(browser.extensionId),
  );
  if (!worker) throw new Error('No service worker target.');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = ++nextId;
      const answered = new Promise<T>((resolve) => pending.set(id, resolve as (result: unknown) => void));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answered;
    },
    close: () => page.close(),
  };
}
