// The SQL that limits a /v1/changes page to a user's scope. `live`: the row is a customer in scope now, sent whole.
// `ever`: the customer may have been in scope in a state the client holds (its current keys plus those it left);
// such a row out of scope now is sent as a Deletion when it left a scope after the client's round began
// (`left_seq > snapshot`, see feed/cursor.ts). A Deletion reaching a user who never had the customer is ignored.
import type { Queryable, SqlValue } from '../db/database';
import { scopeOf, type UserScope } from './segment';

export interface ScopeFilter {
  live: string;
  ever: string;
  params: SqlValue[];
}

/** The filter of a scope, its parameters numbered from `$first`; undefined when the user sees every customer. */
export function scopeFilter(scope: UserScope, first: number): ScopeFilter | undefined {
  if (scope.kind === 'all') return undefined;
  const param = (index: number) => `$${first + index}::text[]`;
  if (scope.kind === 'store') {
    return {
      live: `(scope_stores && ${param(0)} or online_active)`,
      ever: `((scope_stores || left_stores) && ${param(0)} or online_active or left_online)`,
      params: [scope.stores],
    };
  }
  const { stores, countries } = scope.segment;
  const live: string[] = [];
  const ever: string[] = [];
  const params: SqlValue[] = [];
  if (stores) {
    live.push(`scope_stores && ${param(params.length)}`);
    ever.push(`(scope_stores || left_stores) && ${param(params.length)}`);
    params.push(stores);
  }
  if (countries) {
    live.push(`scope_countries && ${param(params.length)}`);
    ever.push(`(scope_countries || left_countries) && ${param(params.length)}`);
    params.push(countries);
  }
  if (params.length === 0) return { live: 'false', ever: 'false', params };
  return { live: `(${live.join(' and ')})`, ever: `(${ever.join(' and ')})`, params };
}

/** The scope of a user, read from the database (the token check does not carry the segment). */
export async function userScope(db: Queryable, userId: string): Promise<UserScope> {
  const { rows } = await db.query<{ role: string; stores: string[]; scope: unknown }>(
    'select role, stores, scope from users where id = $1',
    [userId],
  );
  const user = rows[0];
  // A user removed since their token was checked gets nothing.
  return user ? scopeOf(user) : { kind: 'segment', segment: { stores: [] } };
}
