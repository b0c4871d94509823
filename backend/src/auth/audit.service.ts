import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository, type AuditEntry, type AuditQuery } from './audit.repository.js';
import { within, type Scope } from './scope.js';

/** Who did it: the caller's Scope, or a bare id and name (a failed login names no one yet). */
export type AuditActor = Pick<Scope, 'userId' | 'username'> | { id: number | null; username: string | null } | null;

export interface AuditRecord {
  user: AuditActor;
  /** Dotted verb, e.g. auth.login, auth.login_failed, upload, correction, file.delete, export, plan.update, user.create. */
  action: string;
  /** What it touched, e.g. 'source_file:42', 'user:7'. */
  target?: string | null;
  detail?: Record<string, unknown> | null;
  /** Where from; defaults to the Scope's ip. */
  ip?: string | null;
}

/**
 * The audit log: logins, failed logins, uploads, corrections, deletions,
 * exports, plan and user changes. Other modules import AuthModule and call
 * record(); a failure to write the log is logged, never thrown at the caller.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@Inject(AuditRepository) private readonly repository: AuditRepository) {}

  async record(entry: AuditRecord): Promise<void> {
    const actor = entry.user;
    const userId = actor === null ? null : 'userId' in actor ? actor.userId : actor.id;
    const ip = entry.ip ?? (actor && 'ip' in actor ? (actor as Scope).ip : null);
    try {
      await this.repository.insert({
        user_id: userId,
        username: actor?.username ?? null,
        action: entry.action,
        target: entry.target ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
        ip: ip ?? null,
      });
    } catch (error) {
      this.logger.error({ err: error, action: entry.action }, 'audit write failed');
    }
  }

  list(scope: Scope, query: AuditQuery): Promise<AuditEntry[]> {
    return this.repository.list(query, within(scope));
  }
}
