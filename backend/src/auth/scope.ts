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
