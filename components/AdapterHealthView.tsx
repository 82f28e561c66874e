import { useEffect, useState } from 'react';
import { adapters } from '@/lib/adapters';
import { type AdapterHealth, adapterHealthItem } from '@/lib/sites/site-state';
import { useLocale, useStrings } from './AppShell';

/** Adapters whose selectors stopped matching (a host UI change): the page fell back to generic detection. */
export function AdapterHealthView() {
  const t = useStrings();
  const locale = useLocale();
  const [health, setHealth] = useState<Record<string, AdapterHealth>>({});
  useEffect(() => {
    adapterHealthItem.getValue().then(setHealth);
    return adapterHealthItem.watch((value) => setHealth(value ?? {}));
  }, []);
  const entries = Object.values(health).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  const nameOf = (id: string) => adapters.find((adapter) => adapter.id === id)?.name ?? id;
  return (
    <section aria-labelledby="adapter-health">
      <h3 id="adapter-health">{t.adapterHealth}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t.adapterHealthy}</p>
      ) : (
        <>
          <ul>
            {entries.map((entry) => (
              <li key={entry.adapter} role="alert">
                <strong>{nameOf(entry.adapter)}</strong>: {t.healthProblem(entry.problem, entry.page)}{' '}
                <span className="muted">
                  ({t.adapterProblem(entry.count, entry.host)},{' '}
                  {new Date(entry.lastSeen).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })})
                </span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void adapterHealthItem.setValue({})}>
            {t.clearHealth}
          </button>
        </>
      )}
    </section>
  );
}
