import { useQuery } from '@tanstack/react-query';
import { ask } from '@/lib/protocol/client';
import type { PageRequest } from '@/lib/protocol/messages';
import { useStrings } from './AppShell';
import { ProfileView } from './ProfileView';

/** Loads one customer from the background's lookup service and shows the profile. */
export function CustomerById({
  id,
  how = 'search',
}: {
  id: string;
  how?: Extract<PageRequest, { type: 'getCustomer' }>['how'];
}) {
  const t = useStrings();
  const customer = useQuery({ queryKey: ['customer', id], queryFn: () => ask({ type: 'getCustomer', id, how }) });
  if (customer.isPending) return <p className="muted">{t.lookingUp}</p>;
  if (customer.isError) return <p role="alert">{customer.error.message}</p>;
  if (!customer.data) return <h1>{t.unknownCustomer}</h1>;
  return <ProfileView customer={customer.data.customer} privacy={customer.data.privacy} />;
}
