import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadText } from '@/lib/csv';
import { gesturesCsv } from '@/lib/gestures/csv';
import { supervisorStrings } from '@/lib/i18n/supervisor';
import type { Policy } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';
import { type DayRange, daysOf, presetRange, rangeInstants } from '@/lib/supervisor/date-range';
import { historyTotals } from '@/lib/supervisor/totals';
import { useLocale } from '../AppShell';
import { CustomerPicker, type PickedCustomer } from '../filters/CustomerPicker';
import { DateRangeFilter } from '../filters/DateRangeFilter';
import { PersonPicker } from '../filters/PersonPicker';
import { BarChart } from './BarChart';
import { HistoryTable } from './HistoryTable';
import { TotalsTable } from './TotalsTable';
import { agentNamer, useCustomerNames } from './useNames';

/** A day key as the locale writes a short date: "Thu 5 Nov". */
function dayLabel(key: string, locale: string): string {
  const format = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' } as const;
  return new Date(`${key}T00:00:00Z`).toLocaleDateString(locale, format);
}

/**
 * Every gesture on every channel, filtered by person, customer and days — days of the policy's time zone, the same
 * days its per-day limits count — charted per day and per agent, totalled per agent and per customer, exportable.
 */
export function GestureHistory({ policy }: { policy: Policy }) {
  const locale = useLocale();
  const s = supervisorStrings(locale);
  const { timeZone, currency } = policy;
  const [agent, setAgent] = useState('');
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [range, setRange] = useState<DayRange>(() => presetRange('7d', { now: new Date(), timeZone }));
  const { since, until } = rangeInstants(range, timeZone);
  const history = useQuery({
    queryKey: ['gestures', 'history', agent, customer?.id, since, until],
    queryFn: () => ask({ type: 'gestureHistory', agent: agent || undefined, customer: customer?.id, since, until }),
    refetchInterval: 5000,
    placeholderData: keepPreviousData,
  });
  const records = history.data ?? [];
  const totals = historyTotals(records, { policy, days: daysOf(range) });
  const agentName = agentNamer(policy);
  const agentById = (id: string) =>
    agentName({ agentId: id, agentName: records.find((r) => r.agentId === id)?.agentName });
  const customerName = useCustomerNames(records.map((record) => record.customerId));
  const download = () => downloadText(`reconnu-gestures-${range.from}-${range.to}.csv`, gesturesCsv(records));
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{s.history}</h2>
      <div className="filters">
        <PersonPicker people={policy.people} value={agent} onChange={setAgent} anyone />
        <CustomerPicker value={customer} onChange={setCustomer} />
        <DateRangeFilter value={range} onChange={setRange} timeZone={timeZone} />
        <div className="field actions">
          <button type="button" onClick={download} disabled={records.length === 0}>
            {s.exportCsv}
          </button>
        </div>
      </div>
      {history.isError && <p role="alert">{history.error.message}</p>}
      {history.isSuccess && records.length === 0 && <p className="muted">{s.noHistory}</p>}
      <div className="columns">
        <BarChart title={s.byDay} rows={totals.days} label={(key) => dayLabel(key, locale)} currency={currency} />
        <BarChart title={s.byAgent} rows={totals.agents} label={agentById} currency={currency} />
      </div>
      <div className="columns">
        <TotalsTable caption={s.totals.agent} rows={totals.agents} label={agentById} currency={currency} />
        <TotalsTable caption={s.totals.customer} rows={totals.customers} label={customerName} currency={currency} />
      </div>
      <HistoryTable records={records} currency={currency} agentName={agentName} customerName={customerName} />
    </section>
  );
}
