import type { AuditEntry } from '../types';
import { getJson, withQuery } from './http';

export interface AuditQuery {
  /** An action or its beginning ('upload', 'auth.', 'export' …). */
  action?: string | null;
  username?: string | null;
  limit?: number;
  offset?: number;
}

/** The audit log, newest first (admins only; a unit's admin sees their subtree's accounts). */
export const listAudit = (q: AuditQuery): Promise<AuditEntry[]> => getJson<AuditEntry[]>(withQuery('/api/audit', { ...q }));
