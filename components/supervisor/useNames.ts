import { useQuery } from '@tanstack/react-query';
import type { GestureRecord, Policy } from '@/lib/policy/schema';
import { ask } from '@/lib/protocol/client';

/** Customers' names for the ids a list of gestures names (from this browser's store; the id where it has none). */
export function useCustomerNames(ids: readonly string[]): (id: string) => string {
  const unique = [...new Set(ids)].sort().slice(0, 500);
  const names = useQuery({
    queryKey: ['customer-names', unique],
    queryFn: () => ask({ type: 'customerNames', ids: unique }),
    enabled: unique.length > 0,
    staleTime: 60_000,
  });
  return (id) => names.data?.[id] ?? id;
}

/** A team member's name: the policy's roster first, then the name the record carries, then the id. */
export function agentNamer(
  policy: Policy | undefined,
): (record: Pick<GestureRecord, 'agentId' | 'agentName'>) => string {
  const roster = new Map(policy?.people.map((person) => [person.id, person.name]));
  return (record) => roster.get(record.agentId) ?? record.agentName ?? record.agentId;
}
