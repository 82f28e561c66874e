import { type Customer, displayName } from '@/lib/feed/schema';
import { useProfile } from './useProfile';

/** Who they are: the full name (the panel's first heading), how they like to be called, and their standing. */
export function ProfileHeader({ customer, personalized }: { customer: Customer; personalized: boolean }) {
  const { p, f } = useProfile();
  const influence = personalized ? customer.influence : undefined;
  return (
    <header>
      <h1 id="customer-name">{displayName(customer)}</h1>
      {customer.name?.preferred && (
        <p className="lead">
          {p.goesBy} <strong>{customer.name.preferred}</strong>
        </p>
      )}
      <ul className="chips" aria-label={displayName(customer)}>
        {customer.loyalty && (
          <li className="chip-tier">{p.tier(customer.loyalty.tier, f.number(customer.loyalty.points))}</li>
        )}
        {influence?.segment && (
          <li
            className="chip-influence"
            title={p.influenceHint(f.number(influence.followers ?? 0), f.number(influence.reviews ?? 0))}
          >
            {p.influence[influence.segment]}
          </li>
        )}
        {customer.language && (
          <li>
            {p.language} {f.language(customer.language)}
          </li>
        )}
        {customer.customerSince && <li>{p.since(f.date(customer.customerSince))}</li>}
      </ul>
    </header>
  );
}
