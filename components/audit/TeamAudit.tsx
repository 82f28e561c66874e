import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { auditCsv } from '@/lib/audit/csv';
import { downloadText } from '@/lib/csv';
import { filterStrings } from '@/lib/i18n/filters';
import { privacyStrings } from '@/lib/i18n/privacy';
import type { Policy } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';
import { type DayRange, presetRange, rangeInstants } from '@/lib/supervisor/date-range';
import { useLocale } from '../AppShell';
import { CustomerPicker, type PickedCustomer } from '../filters/CustomerPicker';
import { DateRangeFilter } from '../filters/DateRangeFilter';
import { PersonPicker } from '../filters/PersonPicker';
import { useCustomerNames } from '../supervisor/useNames';
import { AuditTable } from './AuditTable';

/**
 * The team's audit from the feed, filtered by person, customer and days, a page at a time: the feed's cursors are
 * kept so that "Newer" goes back the way "Older" came.
 */
export function TeamAudit({ policy }: { policy: Policy | undefined }) {
  const locale = useLocale();
  const s = privacyStrings(locale);
  const f = filterStrings(locale);
  const timeZone = policy?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [user, setUser] = useState('');
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [range, setRange] = useState<DayRange>(() => presetRange('7d', { now: new Date(), timeZone }));
  // The cursor of each page shown so far; the last one is the page on screen (undefined: the newest).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const filtered = (apply: () => void) => {
    apply();
    setCursors([undefined]);
  };
  const { since, until } = rangeInstants(range, timeZone);
  const team = useQuery({
    queryKey: ['team-audit', user, customer?.id, since, until, cursor],
    queryFn: () => ask({ type: 'teamAudit', user: user || undefined, customer: customer?.id, since, until, cursor }),
    placeholderData: keepPreviousData,
  });
  // While a new filter loads, the previous page stays on screen (placeholder): its cursor and its entries belong to the
  // old filter, so neither paging nor the export may use them.
  const settled = !team.isPlaceholderData;
  const entries = team.data?.entries ?? [];
  const roster = new Map(policy?.people.map((person) => [person.id, person.name]));
  // Without a signed policy there is no roster: the people the audit names are offered, by id.
  const seen = [...new Set([user, ...entries.map((entry) => entry.user)])].filter((id) => id && !roster.has(id));
  const people = [...(policy?.people ?? []), ...seen.map((id) => ({ id, name: id }))];
  const customerName = useCustomerNames(entries.flatMap((entry) => (entry.customerId ? [entry.customerId] : [])));
  const next = settled ? team.data?.cursor : undefined;
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">{s.team}</h2>
      <div className="filters">
        <PersonPicker people={people} value={user} onChange={(id) => filtered(() => setUser(id))} anyone />
        <CustomerPicker
          value={customer}
          onChange={(picked) => filtered(() => setCustomer(picked))}
          clearLabel={f.clear}
        />
        <DateRangeFilter value={range} onChange={(days) => filtered(() => setRange(days))} timeZone={timeZone} />
        <div className="field actions">
          <button
            type="button"
            onClick={() => downloadText('reconnu-audit.csv', auditCsv(entries))}
            disabled={!settled || !entries.length}
          >
            {s.exportCsv}
          </button>
        </div>
      </div>
      {team.isError && <p role="alert">{team.error.message}</p>}
      {team.data && (
        <AuditTable
          busy={!settled}
          entries={entries}
          label={s.team}
          personName={(id) => roster.get(id) ?? id}
          customerName={customerName}
        />
      )}
      <nav className="pager" aria-label={s.team}>
        <button
          type="button"
          className="secondary"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {f.previous}
        </button>
        <span>{f.page(cursors.length)}</span>
        <button type="button" className="secondary" disabled={!next} onClick={() => setCursors([...cursors, next])}>
          {f.next}
        </button>
      </nav>
    </section>
  );
}
