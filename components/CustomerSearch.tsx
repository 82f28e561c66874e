import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { ask } from '@/lib/protocol/client';
import type { CandidateSummary } from '@/lib/protocol/messages';
import { useStrings } from './AppShell';
import { CardScanner } from './CardScanner';

/**
 * Searched once typing pauses this long: each search is audited and rate-limited in the background, so a name typed
 * letter by letter is one search, not one per letter.
 */
const TYPING_PAUSE_MS = 250;

/** The query, once the user has stopped typing for a moment. */
function useSettled(query: string): string {
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  return settled;
}

/**
 * One search box over the local cache, keyboard first (a combobox): type, ↓/↑ to move through the results, Enter to
 * open one, Escape to clear. Each result shows what tells namesakes apart (city, last order).
 */
export function CustomerSearch({
  onPick,
  autoFocus,
  label,
  scanner = true,
}: {
  /** `scanned`: the query is the number the camera read from a loyalty card, not typed. */
  onPick: (id: string, candidate: CandidateSummary, how: { scanned: boolean }) => void;
  autoFocus?: boolean;
  /** The box's label where the side panel's "Search a customer" would not say what it is for. */
  label?: string;
  /** The loyalty-card camera, for the pages where a card may be at hand. */
  scanner?: boolean;
}) {
  const t = useStrings();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [scanned, setScanned] = useState(false);
  const searched = useSettled(query.trim());
  const results = useQuery({
    queryKey: ['search', searched],
    queryFn: () => ask({ type: 'search', query: searched }),
    enabled: searched.length >= 2,
    placeholderData: (previous) => previous,
    // A refused search (too many) is not tried again by itself: the user sees why and searches later.
    retry: false,
  });
  const found = query.trim().length >= 2 ? (results.data ?? []) : [];
  const current = Math.min(active, Math.max(0, found.length - 1));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + found.length) % Math.max(1, found.length));
    } else if (event.key === 'Enter' && found[current]) {
      event.preventDefault();
      onPick(found[current].id, found[current], { scanned });
    } else if (event.key === 'Escape') {
      setQuery('');
      setScanned(false);
    }
  };
  return (
    <search>
      <label htmlFor={`${id}-input`}>{label ?? t.searchLabel}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls={`${id}-results`}
        aria-autocomplete="list"
        aria-activedescendant={found.length > 0 ? `${id}-option-${current}` : undefined}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the side panel and popup open to search; focus belongs in the box
        autoFocus={autoFocus}
        value={query}
        placeholder={t.searchPlaceholder}
        onChange={(event) => {
          setQuery(event.target.value);
          setScanned(false);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {scanner && (
        <CardScanner
          onCode={(code) => {
            setQuery(code);
            setScanned(true);
            setActive(0);
          }}
        />
      )}
      {results.isError && <p role="alert">{results.error.message}</p>}
      {query.trim().length >= 2 && results.isSuccess && found.length === 0 && (
        <p className="muted" role="status">
          {t.noResult}
        </p>
      )}
      <div id={`${id}-results`} role="listbox" aria-label={t.searchResults} className="results">
        {found.map((candidate, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard for its options
          <div
            key={candidate.id}
            id={`${id}-option-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === current}
            className={index === current ? 'active' : undefined}
            onClick={() => onPick(candidate.id, candidate, { scanned })}
          >
            <strong>{candidate.name}</strong>
            <br />
            <span className="muted">{candidate.hint}</span>
          </div>
        ))}
      </div>
    </search>
  );
}
