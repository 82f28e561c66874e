import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { adapters } from '@/lib/adapters';
import { matchesPattern } from '@/lib/adapters/match';
import { originsGranted } from '@/lib/feed/permission';
import { readManaged, siteAllowed } from '@/lib/managed';
import { useStrings } from './AppShell';

interface ActiveSite {
  tabId: number;
  host: string;
  /** What to ask for: the product's whole host pattern for a known helpdesk, else this origin. */
  origins: string[];
  granted: boolean;
  /** False when the administrator's allowed sites (managed storage) leave this one out. */
  allowed: boolean;
}

async function activeSite(): Promise<ActiveSite | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url || !/^https?:/.test(tab.url)) return null;
  const url = new URL(tab.url);
  const adapter = adapters.find((known) => known.hosts.some((pattern) => matchesPattern(pattern, url)));
  const origins = adapter ? adapter.hosts : [`${url.origin}/*`];
  const granted = await originsGranted(origins);
  return { tabId: tab.id, host: url.host, origins, granted, allowed: siteAllowed(await readManaged(), tab.url) };
}

/**
 * Turns Reconnu on or off for the site in the current tab. Named helpdesks are optional host permissions asked for
 * here, at the user's click; "once" uses activeTab and leaves no lasting access.
 */
export function SiteAccess() {
  const t = useStrings();
  const [site, setSite] = useState<ActiveSite | null | undefined>(undefined);
  const refresh = () => void activeSite().then(setSite);
  useEffect(refresh, []);
  if (site === undefined) return null;
  if (site === null) return <p className="muted">{t.siteUnavailable}</p>;
  if (!site.allowed) return <p className="muted">{t.siteBlocked(site.host)}</p>;

  const turnOn = async () => {
    // Must run inside the click: permission prompts need a user gesture.
    await browser.permissions.request({ origins: site.origins });
    refresh();
  };
  const turnOff = async () => {
    await browser.permissions.remove({ origins: site.origins });
    refresh();
  };
  const once = async () => {
    await browser.scripting.executeScript({ target: { tabId: site.tabId }, files: ['/content-scripts/content.js'] });
    window.close();
  };
  return (
    <section aria-label={t.sites}>
      <p>{site.granted ? t.siteOn(site.host) : t.siteOff(site.host)}</p>
      {site.granted ? (
        <button type="button" onClick={() => void turnOff()}>
          {t.turnOff}
        </button>
      ) : (
        <>
          <button type="button" onClick={() => void turnOn()}>
            {t.turnOn}
          </button>{' '}
          <button type="button" onClick={() => void once()}>
            {t.justOnce}
          </button>
        </>
      )}
      <p className="muted">{t.shortcutHint}</p>
    </section>
  );
}
