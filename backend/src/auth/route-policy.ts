import type { Role } from './scope.js';

/**
 * Who may call each route of the other modules, in one table (routes of the
 * auth module carry @Public/@Roles instead). A route missing here is open to
 * admins only: new endpoints fail closed until someone decides.
 *
 * `resource` names what the route's :id points at; the guard then checks
 * that it belongs to the caller's unit subtree:
 * - file, review, batch: the source file's unit (or, while its unit is
 *   unresolved, the account that uploaded it);
 * - plan-read: a plan issued in the caller's subtree or by a unit above it
 *   (the quotas the caller must meet); plan: issued in the subtree only
 *   (evaluations list every child unit's results);
 * - unit: the unit itself.
 */
export type Resource = 'file' | 'review' | 'batch' | 'plan' | 'plan-read' | 'unit';

export interface RoutePolicy {
  roles: readonly Role[];
  resource?: Resource;
}

const ALL: readonly Role[] = ['admin', 'uploader', 'viewer'];
const WRITE: readonly Role[] = ['admin', 'uploader'];
const ADMIN: readonly Role[] = ['admin'];

export const ROUTE_POLICY: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/files/summary': { roles: ALL },
  'GET /api/files': { roles: ALL },
  'GET /api/files/:id': { roles: ALL, resource: 'file' },
  'GET /api/files/:id/records': { roles: ALL, resource: 'file' },
  'GET /api/files/:id/raw': { roles: ALL, resource: 'file' },
  'DELETE /api/files/:id': { roles: WRITE, resource: 'file' },
  'POST /api/files/:id/restore': { roles: WRITE, resource: 'file' },
  'POST /api/files/:id/reload': { roles: WRITE, resource: 'file' },
  'DELETE /api/files/:id/raw': { roles: ADMIN, resource: 'file' },

  'GET /api/review': { roles: ALL },
  'GET /api/review/:id': { roles: ALL, resource: 'review' },
  'POST /api/review/:id/confirm': { roles: WRITE, resource: 'review' },
  'POST /api/review/:id/correct': { roles: WRITE, resource: 'review' },
  'POST /api/review/:id/reject': { roles: WRITE, resource: 'review' },

  'POST /api/uploads': { roles: WRITE },
  'GET /api/uploads': { roles: ALL },
  'GET /api/uploads/:id': { roles: ALL, resource: 'batch' },
  'GET /api/uploads/:id/events': { roles: ALL, resource: 'batch' },
  'POST /api/uploads/:id/retry': { roles: WRITE, resource: 'batch' },
  'POST /api/uploads/reload-waiting': { roles: WRITE },

  // The unit registry (names, aliases, lineage) is reference data every account needs to read.
  'GET /api/units': { roles: ALL },
  'GET /api/units/resolve': { roles: ALL },
  'GET /api/units/:id': { roles: ALL },
  'POST /api/units/:id/aliases': { roles: WRITE, resource: 'unit' },
  'POST /api/units/import': { roles: ADMIN },

  'GET /api/plans': { roles: ALL },
  'POST /api/plans': { roles: ADMIN },
  'POST /api/plans/import': { roles: ADMIN },
  'GET /api/plans/:id': { roles: ALL, resource: 'plan-read' },
  'PUT /api/plans/:id': { roles: ADMIN, resource: 'plan' },
  'DELETE /api/plans/:id': { roles: ADMIN, resource: 'plan' },
  'GET /api/plans/:id/evaluation': { roles: ALL, resource: 'plan' },
  'GET /api/plans/:id/submissions': { roles: ALL, resource: 'plan' },

  'GET /api/analytics/overview': { roles: ALL },
  'GET /api/analytics/children': { roles: ALL },
  'GET /api/analytics/quota-fulfilment': { roles: ALL },
  'GET /api/analytics/recognition': { roles: ALL },
  'GET /api/analytics/distribution': { roles: ALL },
  'GET /api/analytics/trends': { roles: ALL },

  'GET /api/models': { roles: ALL },
  'GET /api/models/:id': { roles: ALL },

  'GET /api/export': { roles: ALL },

  // The auth module's own routes (login is @Public; users and audit are @Roles('admin')).
  'GET /api/auth/me': { roles: ALL },
  'POST /api/auth/logout': { roles: ALL },
  'POST /api/auth/password': { roles: ALL },
};

export function policyKey(method: string, routePath: string): string {
  return `${method.toUpperCase()} ${routePath}`;
}
