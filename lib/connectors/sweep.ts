import type { Deletion } from '../feed/schema';

/**
 * Platforms do not list the customers they deleted. The stored ids are read *before* the live ones, so a customer
 * created in between is never taken for a deleted one; what is stored and no longer live was deleted.
 */
export function deletionsOf(stored: Iterable<string>, live: ReadonlySet<string>, now: Date): Deletion[] {
  const deletedAt = now.toISOString();
  const deletions: Deletion[] = [];
  for (const id of stored) if (!live.has(id)) deletions.push({ id, deleted: true, deletedAt });
  return deletions;
}
