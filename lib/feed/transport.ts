import { readManaged } from '../managed';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** This computer's own address: a server there is reached without crossing any network. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/**
 * Development and test builds (`wxt`, `wxt build --mode test`) reach servers on this computer: the demo, the test
 * harness. A production build does only where the administrator allows it (managed `allowLoopback`).
 */
export const LOOPBACK_BUILD = import.meta.env?.MODE !== 'production';

/**
 * Why a server may not be sent the token and customer data at `url`, or null when it may: https, or plain http on
 * this computer's own address where loopback is allowed. Anything else would carry them in clear.
 */
export function transportProblem(url: string, options: { loopbackAllowed: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The address is not a valid URL.';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    return options.loopbackAllowed
      ? null
      : 'A server on this computer (http://localhost) is allowed only in development builds or by your administrator.';
  }
  return 'The address must start with https:// (plain http would send the access token and customers in clear).';
}

export async function loopbackAllowed(): Promise<boolean> {
  return LOOPBACK_BUILD || (await readManaged()).allowLoopback === true;
}

/** The transport rule for a request about to carry credentials: null when it may go, else why not. */
export async function checkTransport(url: string): Promise<string | null> {
  return transportProblem(url, { loopbackAllowed: await loopbackAllowed() });
}
