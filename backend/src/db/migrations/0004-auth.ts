import { sql, type Kysely } from 'kysely';

/**
 * Accounts and sessions (issue 10). `app_user` and `audit_log` come from
 * 0001; this adds the server-side session store and a last-login stamp.
 *
 * A session row is keyed by the sha256 of the cookie's token, never the token
 * itself, so a copy of the database does not hand out live sessions. No index
 * (like 0001's fact tables): the table stays small and rows are deleted often.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table auth_session (
      id varchar not null,
      user_id integer not null,
      csrf_token varchar not null,
      created_at timestamptz not null default current_timestamp,
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default current_timestamp,
      ip varchar,
      user_agent varchar
    )`,
    `alter table app_user add column last_login_at timestamptz`,
    `alter table app_user add column password_changed_at timestamptz`,
  ];
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
