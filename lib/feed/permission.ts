import { browser } from 'wxt/browser';

/** The same pattern for every port of its host: `http://127.0.0.1:8080/*` → `http://127.0.0.1/*`. */
export function withoutPort(pattern: string): string {
  return pattern.replace(/^([a-z*]+:\/\/[^/:]+):\d+\//, '$1/');
}

/**
 * Whether the extension may already reach `origins`. Firefox does not count a port-less grant (the manifest's
 * `http://127.0.0.1/*`) as covering a pattern with a port, though it matches that port's URLs: asked again too.
 */
export async function originsGranted(origins: string[]): Promise<boolean> {
  if (await browser.permissions.contains({ origins })) return true;
  const portless = origins.map(withoutPort);
  return (
    portless.some((pattern, index) => pattern !== origins[index]) && browser.permissions.contains({ origins: portless })
  );
}

/** Asks for the feed's and the source's origins only (no blanket host access); local ones are in the manifest. */
export async function requestOrigins(origins: string[]): Promise<boolean> {
  if (await originsGranted(origins)) return true;
  return browser.permissions.request({ origins });
}
