// Who may call what: every route the hub registers must appear here, or the hub refuses to start. A route is either
// public (health probes; /metrics checks its own token) or open to the listed roles with a valid token.
import { ALL_ROLES, type Role } from '../people/roles';

export type Access = 'public' | readonly Role[];

export const routeAccess: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /v1/me': ALL_ROLES,
  'GET /v1/changes': ALL_ROLES,
  'GET /v1/storage-key': ALL_ROLES,
  'POST /v1/admin/customers': ['admin'],
  'PUT /v1/admin/organization': ['admin'],
  'GET /v1/admin/sources': ['admin'],
  'PUT /v1/admin/sources/:id': ['admin'],
  'DELETE /v1/admin/sources/:id': ['admin'],
  'POST /v1/admin/sources/:id/pull': ['admin'],
  'GET /v1/policy': ALL_ROLES,
  'PUT /v1/admin/policy': ['admin'],
  'GET /v1/gestures': ALL_ROLES,
  'POST /v1/gestures': ALL_ROLES,
  'POST /v1/gestures/:id/approve': ['supervisor', 'admin'],
  'POST /v1/gestures/:id/reject': ['supervisor', 'admin'],
  'GET /metrics': 'public',
  'POST /v1/audit': ALL_ROLES,
  'GET /v1/audit': ['supervisor', 'admin'],
  'GET /v1/audit.csv': ['supervisor', 'admin'],
  'GET /v1/regions': ALL_ROLES,
  'POST /v1/regions': ALL_ROLES,
  'POST /v1/regions/decide': ['supervisor', 'admin'],
  'GET /v1/admin/users': ['admin'],
  'POST /v1/admin/users': ['admin'],
  'PATCH /v1/admin/users/:id': ['admin'],
  'GET /v1/admin/users/:id/tokens': ['admin'],
  'POST /v1/admin/users/:id/tokens': ['admin'],
  'DELETE /v1/admin/tokens/:id': ['admin'],
};

export function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}
