/**
 * Who is calling and what they may see. The guard builds one per request;
 * services take it and pass `within(scope)` to db/unit-scope.ts, the one
 * place that filters rows by unit.
 */
export const ROLES = ['admin', 'uploader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Scope {
  userId: number;
  username: string;
  displayName: string | null;
  role: Role;
  /**
   * Root of the unit subtree the caller may see (lineage included: a merged
   * commune reaches its predecessors). null only for an admin of the whole
   * store (the office at the top).
   */
  rootUnitId: number | null;
  /** The caller's address, for the audit log. */
  ip: string | null;
}

/** The `within` argument of unitScope()/withinSubtree(): null means no restriction. */
export function within(scope: Scope): number | null {
  return scope.rootUnitId;
}

export function canWrite(scope: Scope): boolean {
  return scope.role === 'admin' || scope.role === 'uploader';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a restricted caller may list: their subtree, plus files they uploaded whose unit is not resolved yet. */
export interface Visibility {
  root: number;
  username: string;
}

/** undefined for no restriction (an admin of the whole store, or no caller: tools and seeding). */
export function visibilityOf(scope: Scope | null | undefined): Visibility | undefined {
  return scope && scope.rootUnitId !== null ? { root: scope.rootUnitId, username: scope.username } : undefined;
}

/** A query whose `unit` defaults to the caller's own subtree root (analytics, export). */
export function withScopeUnit<T extends { unit?: number | undefined }>(query: T, scope: Scope | null | undefined): T {
  return scope && scope.rootUnitId !== null && query.unit === undefined ? { ...query, unit: scope.rootUnitId } : query;
}

/** A request body whose self-declared author (`by`) is replaced by the signed-in account, when there is one. */
export function signedBy<T extends { by?: string | undefined }>(body: T, scope: Scope | null | undefined): T {
  return scope ? { ...body, by: scope.username } : body;
}
