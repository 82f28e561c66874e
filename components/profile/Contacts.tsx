import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Customer } from '@/lib/feed/schema';
import { guardStrings } from '@/lib/i18n/guard';
import { privacyStrings } from '@/lib/i18n/privacy';
import type { Contacts as ContactDetails } from '@/lib/privacy/view';
import { ask } from '@/lib/protocol/client';
import { useLocale } from '../AppShell';
import { useSeenByUser } from '../guard/useSeenByUser';

/**
 * Emails, phones and addresses. Masked for store staff, who may reveal them for this view by giving a reason:
 * the background records it in the audit before answering. Revealed details live in this component only.
 */
export function Contacts({ customer, masked }: { customer: Customer; masked: boolean }) {
  const locale = useLocale();
  const s = privacyStrings(locale);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [covered, setCovered] = useState(false);
  const guard = useSeenByUser<HTMLElement>();
  const reveal = useMutation({ mutationFn: () => ask({ type: 'reveal', id: customer.id, reason }) });
  const shown: ContactDetails = reveal.data ?? customer;
  // The reason is the deliberate second step; the click that sends it must land on a panel the user can see.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCovered(!guard.seen());
    if (guard.seen()) reveal.mutate();
  };
  if (!shown.emails?.length && !shown.phones?.length && !shown.addresses?.length) return null;
  return (
    <section ref={guard.ref} aria-labelledby="contacts-title" className="contacts">
      <h2 id="contacts-title">{s.contacts}</h2>
      <ul>
        {shown.emails?.map((email) => (
          <li key={email}>{email}</li>
        ))}
        {shown.phones?.map((phone) => (
          <li key={phone}>{phone}</li>
        ))}
        {shown.addresses?.map((address, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: addresses have no id and never reorder within a view
          <li key={i}>
            {[address.label, address.line1, address.postalCode, address.city, address.country]
              .filter(Boolean)
              .join(', ')}
          </li>
        ))}
      </ul>
      {masked && !reveal.data && (
        <>
          <p className="muted">{s.maskedNote}</p>
          {asking ? (
            <form onSubmit={submit}>
              <label>
                {s.reasonLabel}
                <input
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  required
                  minLength={3}
                  maxLength={500}
                />
              </label>
              <button type="submit" disabled={reveal.isPending || reason.trim().length < 3}>
                {s.revealSubmit}
              </button>
              {covered && <p role="alert">{guardStrings(locale).covered}</p>}
              {reveal.isError && <p role="alert">{reveal.error.message}</p>}
            </form>
          ) : (
            <button type="button" onClick={() => setAsking(true)}>
              {s.reveal}
            </button>
          )}
        </>
      )}
      {reveal.data && <p className="notice">{s.revealed}</p>}
    </section>
  );
}
