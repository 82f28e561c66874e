import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { adapters } from '@/lib/adapters';
import { optionsStrings } from '@/lib/i18n/options';
import type { Managed } from '@/lib/managed';
import { useLocale } from '../AppShell';

/** "https://*.zendesk.com/*" → "*.zendesk.com": a site as people write it. */
const hostOf = (pattern: string) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');

/** The sites Reconnu may read now (granted host permissions), kept current as the user turns sites on or off. */
function useSitesOn(): string[] {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    const refresh = () =>
      void browser.permissions.getAll().then(({ origins = [] }) => setSites([...new Set(origins.map(hostOf))]));
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return sites;
}

/** How to turn Reconnu on for a site: the toolbar button, the products it knows, and the sites already on. */
export function TurnOnGuide(props: { managed: Managed }) {
  const o = optionsStrings(useLocale());
  const sites = useSitesOn();
  const allowed = props.managed.allowedSites;
  return (
    <section aria-labelledby="turn-on-title">
      <h2 id="turn-on-title">{o.turnOnTitle}</h2>
      <ol className="steps">
        {o.turnOnSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="muted">
        {o.knownProducts} {adapters.map((adapter) => adapter.name).join(', ')}.
      </p>
      <p className="muted">{o.otherSites}</p>
      {allowed && (
        <p>
          {o.allowedByAdmin} {allowed.map(hostOf).join(', ')}
        </p>
      )}
      <p>{sites.length ? `${o.sitesOn} ${sites.join(', ')}` : o.noSiteOn}</p>
    </section>
  );
}
