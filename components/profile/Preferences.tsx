import type { Customer } from '@/lib/feed/schema';
import { useProfile } from './useProfile';

/** Sizes per garment, brands, categories and notes: what fits them. */
export function Preferences({ preferences }: { preferences: NonNullable<Customer['preferences']> }) {
  const { p } = useProfile();
  const sizes = Object.entries(preferences.sizes ?? {});
  return (
    <section aria-labelledby="profile-preferences">
      <h2 id="profile-preferences">{p.preferences}</h2>
      <dl className="facts">
        {sizes.length > 0 && (
          <>
            <dt>{p.sizes}</dt>
            <dd>{sizes.map(([garment, size]) => `${garment} ${size}`).join(' · ')}</dd>
          </>
        )}
        {!!preferences.brands?.length && (
          <>
            <dt>{p.brands}</dt>
            <dd>{preferences.brands.join(', ')}</dd>
          </>
        )}
        {!!preferences.categories?.length && (
          <>
            <dt>{p.categories}</dt>
            <dd>{preferences.categories.join(', ')}</dd>
          </>
        )}
        {preferences.notes && (
          <>
            <dt>{p.notes}</dt>
            <dd>{preferences.notes}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
