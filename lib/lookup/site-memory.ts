import { storage } from 'wxt/utils/storage';

/** An identifier on this many distinct pages of a site within CHROME_DAYS is the site's chrome, not a customer. */
const CHROME_PAGES = 3;
const CHROME_DAYS = 7;
/** What the agent taught on a site is kept this long after it last mattered. */
const LEARNED_DAYS = 90;
const MAX_SEEN = 1_000;
const MAX_LEARNED = 50;
const DAY = 86_400_000;

/** What Reconnu remembers of one site. Identifiers and paths only as keyed hashes; regions are page structure. */
export interface SiteRecord {
  seen: Record<string, { paths: string[]; at: number }>;
  prefer: Record<string, number>;
  reject: Record<string, number>;
}

const memoryItem = storage.defineItem<Record<string, SiteRecord>>('local:siteMemory', { fallback: {} });
const secretItem = storage.defineItem<string | null>('local:siteMemorySecret', { fallback: null });

let hmacKey: Promise<CryptoKey> | undefined;
let writes: Promise<unknown> = Promise.resolve();

function key(): Promise<CryptoKey> {
  hmacKey ??= (async () => {
    let secret = await secretItem.getValue();
    if (!secret) {
      secret = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
      await secretItem.setValue(secret);
    }
    const raw = Uint8Array.from(atob(secret), (char) => char.charCodeAt(0));
    return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  })();
  return hmacKey;
}

/** HMAC-SHA-256 of a site and a value under this browser's secret, 128 bits in base64url. */
export async function siteHash(host: string, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await key(), new TextEncoder().encode(`${host}\u0000${value}`));
  return btoa(String.fromCharCode(...new Uint8Array(mac).slice(0, 16)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function readSite(host: string): Promise<SiteRecord> {
  return (await memoryItem.getValue())[host] ?? { seen: {}, prefer: {}, reject: {} };
}

/** Whether an identifier (by its hash) has been seen on enough distinct pages of the site to be its chrome. */
export function isChrome(record: SiteRecord, hash: string, now = Date.now()): boolean {
  const entry = record.seen[hash];
  return !!entry && entry.paths.length >= CHROME_PAGES && now - entry.at <= CHROME_DAYS * DAY;
}

/** Counts the page (by its path's hash) for each identifier seen on it outside a customer's place. */
export function recordSeen(host: string, pathHash: string, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return Promise.resolve();
  return update(host, (record, now) => {
    for (const hash of hashes) {
      const entry = record.seen[hash];
      const fresh = entry && now - entry.at <= CHROME_DAYS * DAY ? entry.paths : [];
      const paths = fresh.includes(pathHash) ? fresh : [...fresh, pathHash].slice(-CHROME_PAGES);
      record.seen[hash] = { paths, at: now };
    }
  });
}

/** The agent picked a customer found in these regions: the site's next pages prefer them. */
export function learnRegions(host: string, regions: readonly string[]): Promise<void> {
  return update(host, (record, now) => {
    for (const region of regions) record.prefer[region] = now;
  });
}

/** The agent said "not this customer" of what these identifiers (by hash) found: never proposed there again. */
export function learnRejects(host: string, hashes: readonly string[]): Promise<void> {
  return update(host, (record, now) => {
    for (const hash of hashes) record.reject[hash] = now;
  });
}

/** Everything remembered of every site, and the secret of its hashes: at sign-out. */
export async function forgetSites(): Promise<void> {
  hmacKey = undefined;
  await writes;
  await Promise.all([memoryItem.removeValue(), secretItem.removeValue()]);
}

function update(host: string, change: (record: SiteRecord, now: number) => void): Promise<void> {
  const run = writes.then(async () => {
    const all = await memoryItem.getValue();
    const now = Date.now();
    const record = all[host] ?? { seen: {}, prefer: {}, reject: {} };
    change(record, now);
    all[host] = prune(record, now);
    await memoryItem.setValue(all);
  });
  writes = run.catch(() => undefined);
  return run;
}

/** Expired entries go; each list keeps its most recent entries only. */
function prune(record: SiteRecord, now: number): SiteRecord {
  const recent = <T extends { at: number } | number>(entries: Record<string, T>, days: number, max: number) =>
    Object.fromEntries(
      Object.entries(entries)
        .filter(([, value]) => now - (typeof value === 'number' ? value : value.at) <= days * DAY)
        .sort(([, a], [, b]) => (typeof b === 'number' ? b : b.at) - (typeof a === 'number' ? a : a.at))
        .slice(0, max),
    ) as Record<string, T>;
  return {
    seen: recent(record.seen, CHROME_DAYS, MAX_SEEN),
    prefer: recent(record.prefer, LEARNED_DAYS, MAX_LEARNED),
    reject: recent(record.reject, LEARNED_DAYS, MAX_LEARNED),
  };
}
