import { useQuery } from '@tanstack/react-query';
import { ask } from '@/lib/protocol/client';
import { useLocale, useStrings } from './AppShell';

/** The empowerment policy in force, and why a newer one was refused (the last valid one is kept). */
export function PolicyStatusView() {
  const t = useStrings();
  const locale = useLocale();
  const info = useQuery({
    queryKey: ['policy-info'],
    queryFn: () => ask({ type: 'policyInfo' }),
    refetchInterval: 3000,
  });
  const stored = info.data?.stored;
  const notice = info.data?.status?.notice;
  return (
    <div className="policy-status">
      {stored && (
        <p className="muted">
          {t.policyInForce(stored.policy.id, new Date(stored.policy.validUntil).toLocaleDateString(locale))}
        </p>
      )}
      {notice && <p role="alert">{t.notice(notice)}</p>}
    </div>
  );
}
