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

/**
 * Asks for the feed's and the source's origins only (no blanket host access); local ones are in the manifest. Call it
 * before any `await` in the click's handler: Firefox prompts only for a call made while the click is being handled.
 */
export function requestOrigins(
  origins: string[],
  { firefox = import.meta.env?.FIREFOX === true }: { firefox?: boolean } = {},
): Promise<boolean> {
  if (!firefox) {
    return originsGranted(origins).then((granted) => granted || browser.permissions.request({ origins }));
  }
  // At once: Firefox answers true without a prompt when they are granted already. It takes no pattern with a port
  // (it is not within the manifest's optional `https://*/*`): the host is asked for. Outside a click it refuses to
  // ask at all: then whether they are granted is the answer.
  const hosts = [...new Set(origins.map(withoutPort))];
  return browser.permissions.request({ origins: hosts }).catch(() => originsGranted(origins));
}
