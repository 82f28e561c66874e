import { browser } from 'wxt/browser';

/** Asks for the feed's origin only (no blanket host access); local feeds are covered by the manifest. */
export async function requestFeedPermission(feedUrl: string): Promise<boolean> {
  const origins = [`${new URL(feedUrl).origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}
