import { Inject, Injectable } from '@nestjs/common';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { Database } from '../db/database.js';
import type { AppUserTable, AuthSessionTable, DB } from '../db/schema.js';
import { inSubtree } from './subtree.js';

export type UserRow = Selectable<AppUserTable>;

/** A user as shown to admins: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  role: string;
  unitId: number | null;
  unitName: string | null;
  displayName: string | null;
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: UserRow;
}

/** All SQL for app_user and auth_session. */
@Injectable()
export class AuthRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  findUserByName(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findUser(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async countAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled', '=', false)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertUser(user: Insertable<AppUserTable>): Promise<number> {
    const row = await this.db.insertInto('app_user').values(user).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateUser(id: number, changes: Updateable<AppUserTable>): Promise<void> {
    await this.db.updateTable('app_user').set(changes).where('id', '=', id).execute();
  }

  /** Users whose unit lies in the subtree of `within` (every user when null), with their unit's name. */
  listUsers(within: number | null): Promise<UserView[]> {
    return this.db
      .selectFrom('app_user as u')
      .leftJoin('unit', 'unit.id', 'u.unit_id')
      .$if(within !== null, (qb) => qb.where(() => inSubtree('u.unit_id', within!)))
      .select([
        'u.id', 'u.username', 'u.role', 'u.unit_id as unitId', 'unit.name as unitName', 'u.display_name as displayName',
        'u.disabled', 'u.created_at as createdAt', 'u.last_login_at as lastLoginAt',
      ])
      .orderBy('u.username')
      .execute() as unknown as Promise<UserView[]>;
  }

  /** True when `unitId` is `root` or lies in its subtree (lineage included). */
  async unitWithin(unitId: number, root: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('unit')
      .select('unit.id')
      .where('unit.id', '=', unitId)
      .where(() => inSubtree('unit.id', root))
      .executeTakeFirst();
    return row !== undefined;
  }

  async unitExists(unitId: number): Promise<boolean> {
    return (await this.db.selectFrom('unit').select('id').where('id', '=', unitId).executeTakeFirst()) !== undefined;
  }

  /** The unit a resource belongs to, and who uploaded it (for files whose unit is not resolved yet). */
  async resourceOwner(kind: 'file' | 'review' | 'batch' | 'plan' | 'unit', id: number): Promise<{ unitId: number | null; uploader: string | null } | undefined> {
    switch (kind) {
      case 'file':
        return this.db
          .selectFrom('source_file as f')
          .leftJoin('upload_batch as b', 'b.id', 'f.batch_id')
          .select(['f.unit_id as unitId', 'b.created_by as uploader'])
          .where('f.id', '=', id)
          .executeTakeFirst();
      case 'review':
        return this.db
          .selectFrom('review_item as r')
          .innerJoin('source_file as f', 'f.id', 'r.source_file_id')
          .leftJoin('upload_batch as b', 'b.id', 'f.batch_id')
          .select(['f.unit_id as unitId', 'b.created_by as uploader'])
          .where('r.id', '=', id)
          .executeTakeFirst();
      case 'batch':
        return this.db
          .selectFrom('upload_batch as b')
          .leftJoin('app_user as u', 'u.username', 'b.created_by')
          .select(['u.unit_id as unitId', 'b.created_by as uploader'])
          .where('b.id', '=', id)
          .executeTakeFirst();
      case 'plan':
        return this.db.selectFrom('plan').select(['issuer_unit_id as unitId', sql<null>`null`.as('uploader')]).where('id', '=', id).executeTakeFirst();
      case 'unit':
        return this.db.selectFrom('unit').select(['id as unitId', sql<null>`null`.as('uploader')]).where('id', '=', id).executeTakeFirst();
    }
  }

  /** Every unit of the subtree of `root` (lineage included), from the closure db/unit-scope.ts maintains. */
  async subtreeUnitIds(root: number): Promise<number[]> {
    const rows = await this.db.selectFrom('unit').select('unit.id').where(() => inSubtree('unit.id', root)).execute();
    return rows.map((r) => r.id);
  }

  findUnitIdByCode(code: string): Promise<{ id: number } | undefined> {
    return this.db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirst();
  }

  async insertSession(session: Insertable<AuthSessionTable>): Promise<void> {
    await this.db.insertInto('auth_session').values(session).execute();
  }

  async findSession(id: string): Promise<SessionWithUser | undefined> {
    const row = await this.db
      .selectFrom('auth_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .where('s.id', '=', id)
      .select(['s.id as sessionId', 's.csrf_token as csrfToken', 's.expires_at as expiresAt', 's.last_seen_at as lastSeenAt'])
      .select([
        'u.id', 'u.username', 'u.password_hash', 'u.role', 'u.unit_id', 'u.display_name', 'u.disabled',
        'u.created_at', 'u.last_login_at', 'u.password_changed_at',
      ])
      .executeTakeFirst();
    if (!row) return undefined;
    const { sessionId, csrfToken, expiresAt, lastSeenAt, ...user } = row;
    return { sessionId, csrfToken, expiresAt, lastSeenAt, user };
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.updateTable('auth_session').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('auth_session').where('id', '=', id).execute();
  }

  /** Ends every session of a user, except `keep` (the caller's own, when they change their password). */
  async deleteUserSessions(userId: number, keep: string | null = null): Promise<void> {
    await this.db
      .deleteFrom('auth_session')
      .where('user_id', '=', userId)
      .$if(keep !== null, (qb) => qb.where('id', '!=', keep!))
      .execute();
  }

  async deleteExpiredSessions(now: Date, idleSince: Date): Promise<void> {
    await this.db
      .deleteFrom('auth_session')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
      .execute();
  }

  async countSessions(userId: number): Promise<number> {
    const row = await sql<{ n: number }>`select count(*)::integer as n from auth_session where user_id = ${userId}`.execute(this.db);
    return Number(row.rows[0]?.n ?? 0);
  }
}
