import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ask } from '@/lib/protocol/client';
import { useStrings } from './AppShell';
import { CandidateList } from './CandidateList';

/** One search box over the local cache; picking a result hands its id to the caller. */
export function CustomerSearch({ onPick }: { onPick: (id: string) => void }) {
  const t = useStrings();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const results = useQuery({
    queryKey: ['search', query],
    queryFn: () => ask({ type: 'search', query }),
    enabled: query.trim().length >= 3,
  });
  return (
    <search>
      <label htmlFor={inputId}>{t.searchLabel}</label>
      <input
        id={inputId}
        type="search"
        value={query}
        placeholder={t.searchPlaceholder}
        onChange={(event) => setQuery(event.target.value)}
      />
      {results.data && results.data.length === 0 && <p className="muted">{t.noResult}</p>}
      {results.data && results.data.length > 0 && (
        <CandidateList candidates={results.data} onPick={onPick} label={t.searchLabel} />
      )}
    </search>
  );
}
