import { sql, type Kysely } from 'kysely';

/**
 * Ingest and units (issue 6): upload batches and their per-file jobs, the
 * review queue, stable record keys (so corrections find their row again when
 * a file is re-loaded), how each owner was resolved, and who made a
 * correction. Like 0001, job and review tables carry no index: ids come from
 * sequences, and DuckDB's ART indexes would slow the frequent state updates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create sequence upload_batch_id_seq start 1`,
    `create table upload_batch (
      id integer not null default nextval('upload_batch_id_seq'),
      origin varchar not null,
      created_by varchar,
      file_count integer not null,
      created_at timestamptz not null default current_timestamp
    )`,
    `create sequence ingest_job_id_seq start 1`,
    `create table ingest_job (
      id integer not null default nextval('ingest_job_id_seq'),
      batch_id integer not null,
      file_name varchar not null,
      sha256 varchar not null,
      size_bytes bigint not null,
      state varchar not null,
      progress integer not null default 0,
      message varchar,
      errors json,
      source_file_id integer,
      duplicate boolean not null default false,
      record_count integer not null default 0,
      review_count integer not null default 0,
      attempts integer not null default 0,
      queued_at timestamptz not null default current_timestamp,
      started_at timestamptz,
      finished_at timestamptz
    )`,
    `create sequence review_item_id_seq start 1`,
    `create table review_item (
      id bigint not null default nextval('review_item_id_seq'),
      source_file_id integer not null,
      record_type varchar not null,
      record_key varchar not null,
      record_id bigint,
      reason varchar not null,
      message varchar not null,
      detail json,
      state varchar not null default 'open',
      resolved_by varchar,
      resolved_at timestamptz,
      created_at timestamptz not null default current_timestamp
    )`,
    `alter table source_file add column batch_id integer`,
    `alter table source_file add column variant varchar`,
    `alter table source_file add column unit_method varchar`,
    `alter table source_file add column purged_at timestamptz`,
    `alter table unit add column folded_name varchar`,
    `alter table model add column created_from integer`,
    `alter table correction add column author varchar`,
    `alter table correction add column source_file_id integer`,
  ];
  for (const table of ['registration', 'recognition', 'exemplar', 'report_figure']) {
    statements.push(`alter table ${table} add column record_key varchar`);
  }
  for (const table of ['registration', 'recognition', 'exemplar']) {
    statements.push(`alter table ${table} add column owner_method varchar`);
  }
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
