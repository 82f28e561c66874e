import { useQuery } from '@tanstack/react-query';
import { privacyStrings } from '@/lib/i18n/privacy';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { useCustomerNames } from '../supervisor/useNames';
import { AuditTable } from './AuditTable';

/** This browser's own chain of entries, and whether it is intact. */
export function LocalAudit({ personName }: { personName: (id: string) => string }) {
  const s = privacyStrings(useLocale());
  const local = useQuery({ queryKey: ['local-audit'], queryFn: () => ask({ type: 'localAudit' }) });
  const entries = local.data?.entries ?? [];
  const customerName = useCustomerNames(entries.flatMap((entry) => (entry.customerId ? [entry.customerId] : [])));
  return (
    <section aria-labelledby="device-title">
      <h2 id="device-title">{s.thisDevice}</h2>
      {local.isError && <p role="alert">{local.error.message}</p>}
      {local.data && (
        <>
          <p role="status">
            {local.data.chain.ok
              ? s.chainOk(local.data.chain.entries)
              : s.chainBroken(local.data.chain.seq, local.data.chain.problem)}
          </p>
          <AuditTable entries={entries} label={s.thisDevice} personName={personName} customerName={customerName} />
        </>
      )}
    </section>
  );
}
