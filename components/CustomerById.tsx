import { useQuery } from '@tanstack/react-query';
import { ask } from '@/lib/protocol/client';
import { useStrings } from './AppShell';
import { ProfileView } from './ProfileView';

/** Loads one customer from the background's lookup service and shows the profile. */
export function CustomerById({ id }: { id: string }) {
  const t = useStrings();
  const customer = useQuery({ queryKey: ['customer', id], queryFn: () => ask({ type: 'getCustomer', id }) });
  if (customer.isPending) return <p className="muted">{t.lookingUp}</p>;
  if (customer.isError) return <p role="alert">{customer.error.message}</p>;
  if (!customer.data) return <h1>{t.unknownCustomer}</h1>;
  return <ProfileView customer={customer.data} />;
}
