import { MAX_SIGHTINGS } from '../detect/limits';
import { currentMe } from '../feed/me';
import { ownIdentity } from '../lookup/own-identity';
import { type Hit, type Recognition, recognize } from '../lookup/service';
import { isChrome, learnRegions, learnRejects, readSite, recordSeen, siteHash } from '../lookup/site-memory';
import { proposeRegions, teamRegions } from '../lookup/team-regions';
import type { Sighting } from '../protocol/messages';
import { readSettings } from '../settings';
import type { ReconnuDb } from '../store';

/** What one tab shows: the sightings of each of its frames, and what they found last. */
interface TabReading {
  host: string;
  path: string;
  frames: Map<number, Sighting[]>;
  /** The top frame's title and main heading. */
  heading?: string;
  hits: Hit[];
  /** Customers the agent said are not this page's: left out until the page changes. */
  rejected: Set<string>;
}

export interface FrameReport {
  tabId: number;
  frameId: number;
  url: string;
  sightings: Sighting[];
  navigated: boolean;
  heading?: string;
}

/**
 * Recognition per tab: the frames of a tab report to one panel, a single-page navigation of the top frame clears
 * what every frame said before, the site's memory (chrome, the agent's picks and rejections) weighs in, and the
 * user's and the organization's own identifiers never count.
 */
export function createTabRecognition(db: ReconnuDb) {
  const tabs = new Map<number, TabReading>();

  async function evaluate(tab: TabReading): Promise<Recognition> {
    const [me, settings, site, team] = await Promise.all([
      currentMe(),
      readSettings(),
      readSite(tab.host),
      teamRegions(tab.host),
    ]);
    const sightings = [...tab.frames.values()].flat().slice(0, MAX_SIGHTINGS * 2);
    const hashes = new Map<string, Promise<string>>();
    const hashOf = (key: string) => {
      const known = hashes.get(key);
      if (known) return known;
      const hash = siteHash(tab.host, key);
      hashes.set(key, hash);
      return hash;
    };
    const options = {
      own: ownIdentity(me, settings),
      preferred: (region: string) => region in site.prefer || team.has(region),
      excluded: tab.rejected,
      heading: tab.heading,
    };
    let result = await recognize(db, sightings, options);
    // The site's memory acts on what was found: what the agent rejected there goes, and so do its chrome's weak
    // sightings (a mailbox in a menu), not the same identifier where a customer is shown.
    const rejected = new Set<string>();
    const chrome = new Set<string>();
    for (const hit of result.hits) {
      const hash = await hashOf(hit.key);
      if (site.reject[hash] !== undefined) rejected.add(hit.key);
      else if (isChrome(site, hash)) chrome.add(hit.key);
    }
    const weak = result.hits.filter((hit) => !hit.strong && !rejected.has(hit.key) && !chrome.has(hit.key));
    const pathHash = await siteHash(tab.host, `path:${tab.path}`);
    await recordSeen(tab.host, pathHash, await Promise.all(weak.map((hit) => hashOf(hit.key))));
    if (rejected.size + chrome.size > 0) {
      const skip = (key: string, strong: boolean) => rejected.has(key) || (!strong && chrome.has(key));
      result = await recognize(db, sightings, { ...options, skip });
    }
    tab.hits = result.hits;
    return result.recognition;
  }

  return {
    /** A frame's reading: the tab's recognition, all frames together. */
    async report({ tabId, frameId, url, sightings, navigated, heading }: FrameReport): Promise<Recognition> {
      const { host, path } = place(url);
      let tab = tabs.get(tabId);
      if (!tab || tab.host !== host || (navigated && frameId === 0)) {
        tab = { host, path, frames: new Map(), hits: [], rejected: new Set() };
        tabs.set(tabId, tab);
      }
      if (frameId === 0) {
        tab.path = path;
        tab.heading = heading;
      }
      tab.frames.set(frameId, sightings);
      if (sightings.length === 0 && [...tab.frames.values()].every((list) => list.length === 0)) {
        return { status: 'waiting' };
      }
      return evaluate(tab);
    },

    /** The agent picked this customer on the tab's picker: the site prefers the regions that found them, and the
     * team is offered them (a supervisor approves). */
    async picked(tabId: number, customerId: string): Promise<void> {
      const tab = tabs.get(tabId);
      if (!tab) return;
      const regions = tab.hits
        .filter((hit) => hit.customerIds.includes(customerId) && hit.region)
        .map((hit) => hit.region);
      const unique = [...new Set(regions)];
      await Promise.all([learnRegions(tab.host, unique), proposeRegions(tab.host, unique)]);
    },

    /** "Not this customer": what found them is never proposed on this site again; the page is decided anew. */
    async rejected(tabId: number, customerId: string): Promise<Recognition | undefined> {
      const tab = tabs.get(tabId);
      if (!tab) return undefined;
      const keys = tab.hits.filter((hit) => hit.customerIds.includes(customerId)).map((hit) => hit.key);
      await learnRejects(tab.host, await Promise.all(keys.map((key) => siteHash(tab.host, key))));
      tab.rejected.add(customerId);
      return evaluate(tab);
    },

    forget(tabId: number): void {
      tabs.delete(tabId);
    },
  };
}

export type TabRecognition = ReturnType<typeof createTabRecognition>;

/** The site and the page of a URL: its path, and the hash route of a single-page app ("#/tickets/12"). */
function place(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    const route = /^#!?\//.test(parsed.hash) ? parsed.hash : '';
    return { host: parsed.host, path: parsed.pathname + route };
  } catch {
    return { host: '', path: '' };
  }
}
