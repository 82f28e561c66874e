import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * A page of this extension (panel iframe, side panel, popup, options). The panel runs at the extension's
 * per-session URL (use_dynamic_url), the others at its id's: what vouches for both is the browser's sender id, as no
 * content script runs in an extension page.
 */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  try {
    return EXTENSION_SCHEMES.has(new URL(sender.url).protocol);
  } catch {
    return false;
  }
}

/** This extension's content script, running in a tab (never a web page or another extension). */
export function isOwnContentScript(sender: Sender): sender is Sender & { tab: { id: number } } {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isExtensionPage(sender);
}

/**
 * Sliding-window limit per key (a tab, a site), so a hostile page cannot enumerate the customer base through its
 * content script.
 */
export function createRateLimiter(limit: number, windowMs: number, now = () => Date.now()) {
  const hits = new Map<number | string, number[]>();
  return (key: number | string): boolean => {
    const since = now() - windowMs;
    const recent = (hits.get(key) ?? []).filter((time) => time > since);
    const allowed = recent.length < limit;
    if (allowed) recent.push(now());
    hits.set(key, recent);
    return allowed;
  };
}

/** The host of the page a content script runs in, from the browser's record of the sender, not from the message. */
export function senderHost(sender: Sender): string {
  try {
    return new URL(sender.url ?? sender.tab?.url ?? '').host;
  } catch {
    return '';
  }
}
