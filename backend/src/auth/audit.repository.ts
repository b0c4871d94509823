import { Inject, Injectable } from '@nestjs/common';
import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { Database } from '../db/database.js';
import type { AuditLogTable, DB } from '../db/schema.js';
import { inSubtree } from './subtree.js';

export interface AuditQuery {
  limit: number;
  offset: number;
  action?: string | undefined;
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditEntry {
  id: number;
  occurredAt: Date;
  userId: number | null;
  username: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

/** All SQL for audit_log. */
@Injectable()
export class AuditRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  async insert(entry: Insertable<AuditLogTable>): Promise<void> {
    await this.db.insertInto('audit_log').values(entry).execute();
  }

  /**
   * Newest first. With `within`, only entries by users of that subtree (an
   * admin of a commune sees what happened in the commune, not elsewhere).
   */
  async list(query: AuditQuery, within: number | null): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_log as a')
      .$if(within !== null, (qb) =>
        qb.where((eb) => eb('a.user_id', 'in', eb.selectFrom('app_user as u').select('u.id').where(() => inSubtree('u.unit_id', within!)))),
      )
      .$if(query.action !== undefined, (qb) => qb.where(sql<SqlBool>`starts_with(${sql.ref('a.action')}, ${query.action!})`))
      .$if(query.username !== undefined, (qb) => qb.where('a.username', '=', query.username!))
      .$if(query.from !== undefined, (qb) => qb.where(sql<SqlBool>`${sql.ref('a.occurred_at')} >= cast(${query.from!} as timestamptz)`))
      .$if(query.to !== undefined, (qb) => qb.where(sql<SqlBool>`${sql.ref('a.occurred_at')} < cast(${query.to!} as timestamptz)`))
      .select([
        'a.id', 'a.occurred_at as occurredAt', 'a.user_id as userId', 'a.username', 'a.action', 'a.target', 'a.detail', 'a.ip',
      ])
      .orderBy('a.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), occurredAt: r.occurredAt as unknown as Date, detail: parseDetail(r.detail) }));
  }
}

function parseDetail(detail: unknown): Record<string, unknown> | null {
  if (detail === null || detail === undefined) return null;
  if (typeof detail === 'string') {
    try {
      return JSON.parse(detail) as Record<string, unknown>;
    } catch {
      return { text: detail };
    }
  }
  return detail as Record<string, unknown>;
}
