import { browser } from 'wxt/browser';

/** Asks for the feed's and the source's origins only (no blanket host access); local ones are in the manifest. */
export async function requestOrigins(origins: string[]): Promise<boolean> {
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}
