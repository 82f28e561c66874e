import type { AuditEntry } from '@/lib/audit/chain';
import { placeOf } from '@/lib/audit/place';
import { auditViewStrings } from '@/lib/i18n/audit-view';
import { privacyStrings } from '@/lib/i18n/privacy';
import { useLocale } from '../AppShell';
import { TableHead } from '../TableHead';

/** "Zendesk Agent Workspace ticket 4821", "Reconnu side panel", or the site's host when no product was recognized. */
function Where({ entry }: { entry: AuditEntry }) {
  const a = auditViewStrings(useLocale());
  const place = placeOf(entry);
  if (place.kind === 'own') return <>{a.own[place.page]}</>;
  if (place.kind === 'site') return <>{place.host}</>;
  const page = place.page;
  return (
    <>
      {page ? a.productPage(place.product, a.pages[page.kind], page.ref) : place.product}
      <br />
      <span className="muted">{place.host}</span>
    </>
  );
}

/** Audit entries, newest first, people and customers by name where this browser knows them. */
export function AuditTable({
  entries,
  label,
  personName,
  customerName,
  busy = false,
}: {
  entries: readonly AuditEntry[];
  label: string;
  /** The entries are the previous filter's, shown while the new one loads. */
  busy?: boolean;
  personName: (id: string) => string;
  customerName: (id: string) => string;
}) {
  const locale = useLocale();
  const s = privacyStrings(locale);
  if (entries.length === 0) return <p className="muted">{s.noEntries}</p>;
  return (
    <div className="scroll">
      <table aria-label={label} aria-busy={busy}>
        <TableHead columns={s.columns} />
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.device}:${entry.seq}`}>
              <td>{new Date(entry.at).toLocaleString(locale)}</td>
              <td>{personName(entry.user)}</td>
              <td>{s.actions[entry.action] ?? entry.action}</td>
              <td>{entry.customerId ? customerName(entry.customerId) : ''}</td>
              <td>
                <Where entry={entry} />
              </td>
              <td>{entry.foundBy}</td>
              <td>{entry.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
