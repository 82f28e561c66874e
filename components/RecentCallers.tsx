import { useEffect, useState } from 'react';
import { type RecentCaller, recentCallersItem } from '@/lib/background/callers';
import { useLocale, useStrings } from './AppShell';

/** The last callers a softphone showed: one click reopens a recognized caller's profile. */
export function RecentCallers({ onPick }: { onPick: (id: string) => void }) {
  const t = useStrings();
  const locale = useLocale();
  const [callers, setCallers] = useState<RecentCaller[]>([]);
  useEffect(() => {
    recentCallersItem.getValue().then(setCallers);
    return recentCallersItem.watch((value) => setCallers(value ?? []));
  }, []);
  if (callers.length === 0) return null;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <section aria-labelledby="recent-callers">
      <h2 id="recent-callers">{t.recentCallers}</h2>
      <ul className="results">
        {callers.map((caller) => (
          <li key={`${caller.at}-${caller.number}`}>
            {caller.customerId ? (
              <button type="button" onClick={() => onPick(caller.customerId as string)}>
                <strong>{caller.name}</strong>
                <br />
                <span className="muted">
                  {caller.number} · {time(caller.at)}
                </span>
              </button>
            ) : (
              <p>
                {caller.number}{' '}
                <span className="muted">
                  · {caller.candidates ? t.sharedNumber(caller.candidates) : t.unknownCaller} · {time(caller.at)}
                </span>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
