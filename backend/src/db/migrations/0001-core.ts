import { sql, type Kysely } from 'kysely';

/**
 * The core data model (../shared/DESIGN.md): units and their 2025 lineage,
 * source files with provenance, the four record kinds, plans and quota rules,
 * review and corrections, users and audit.
 *
 * Fact tables carry no PRIMARY KEY / UNIQUE index: DuckDB's ART indexes slow
 * bulk loads and refuse some in-transaction updates; ids come from sequences
 * and uniqueness is kept by the repositories inside one transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table app_meta (key varchar primary key, value varchar not null)`,

    `create sequence unit_id_seq start 1`,
    `create table unit (
      id integer primary key default nextval('unit_id_seq'),
      name varchar not null,
      kind varchar not null,
      level varchar not null,
      parent_id integer,
      valid_from date,
      valid_to date,
      code varchar,
      created_at timestamptz not null default current_timestamp
    )`,
    `create table unit_alias (
      unit_id integer not null,
      alias varchar not null,
      folded varchar not null,
      source varchar not null default 'registry'
    )`,
    `create index unit_alias_folded on unit_alias (folded)`,
    `create table unit_lineage (
      predecessor_id integer not null,
      successor_id integer not null,
      effective_date date not null,
      note varchar
    )`,

    `create sequence source_file_id_seq start 1`,
    `create table source_file (
      id integer primary key default nextval('source_file_id_seq'),
      sha256 varchar not null,
      file_name varchar not null,
      size_bytes bigint not null,
      format varchar,
      kind varchar not null default 'unknown',
      year integer,
      unit_text varchar,
      unit_id integer,
      level varchar,
      encoding varchar,
      decision_no varchar,
      decision_date varchar,
      status varchar not null,
      superseded_by integer,
      record_count integer not null default 0,
      uploaded_by integer,
      uploaded_at timestamptz not null default current_timestamp,
      deleted_at timestamptz,
      deleted_by integer
    )`,
    `create unique index source_file_sha256 on source_file (sha256)`,

    `create sequence model_id_seq start 1`,
    `create table model (
      id integer not null default nextval('model_id_seq'),
      name varchar not null,
      folded_name varchar not null,
      owner_unit_id integer,
      owner_text varchar,
      field varchar,
      first_year integer
    )`,

    `create sequence record_id_seq start 1`,
    `create table registration (
      id bigint not null default nextval('record_id_seq'),
      source_file_id integer not null,
      model_id integer,
      year integer,
      unit_id integer,
      model_name varchar,
      field varchar,
      field_inferred boolean not null default false,
      owner varchar,
      owner_unit_id integer,
      owner_type varchar,
      status varchar,
      start_date varchar,
      end_date varchar,
      launch_date varchar,
      location varchar,
      person_in_charge varchar,
      goal varchar,
      content varchar,
      note varchar,
      extra json,
      source json not null,
      review_state varchar not null default 'ok'
    )`,
    `create table recognition (
      id bigint not null default nextval('record_id_seq'),
      source_file_id integer not null,
      model_id integer,
      year integer,
      unit_id integer,
      model_name varchar,
      owner varchar,
      owner_unit_id integer,
      field varchar,
      level varchar,
      decision_no varchar,
      decision_date varchar,
      extra json,
      source json not null,
      review_state varchar not null default 'ok'
    )`,
    `create table exemplar (
      id bigint not null default nextval('record_id_seq'),
      source_file_id integer not null,
      model_id integer,
      year integer,
      unit_id integer,
      name varchar,
      exemplar_type varchar,
      position varchar,
      unit_text varchar,
      owner_unit_id integer,
      model_name varchar,
      award varchar,
      level varchar,
      extra json,
      source json not null,
      review_state varchar not null default 'ok'
    )`,
    `create table report_figure (
      id bigint not null default nextval('record_id_seq'),
      source_file_id integer not null,
      year integer,
      unit_id integer,
      period varchar,
      models_registered integer,
      models_new integer,
      models_continued integer,
      models_replicated integer,
      recognized_commune integer,
      recognized_district integer,
      recognized_province integer,
      exemplars_collective integer,
      exemplars_individual integer,
      extra json,
      source json not null
    )`,

    `create sequence issue_id_seq start 1`,
    `create table ingest_issue (
      id bigint not null default nextval('issue_id_seq'),
      source_file_id integer not null,
      severity varchar not null,
      code varchar not null,
      message varchar not null,
      sheet varchar,
      "row" integer,
      "column" varchar,
      value varchar
    )`,

    `create sequence plan_id_seq start 1`,
    `create table plan (
      id integer primary key default nextval('plan_id_seq'),
      issuer_unit_id integer,
      year integer not null,
      title varchar not null,
      source_document varchar,
      deadlines json not null default '[]',
      created_at timestamptz not null default current_timestamp
    )`,
    `create sequence quota_rule_id_seq start 1`,
    `create table quota_rule (
      id integer primary key default nextval('quota_rule_id_seq'),
      plan_id integer not null,
      code varchar not null,
      description varchar not null,
      shape varchar not null,
      params json not null
    )`,

    `create sequence correction_id_seq start 1`,
    `create table correction (
      id bigint not null default nextval('correction_id_seq'),
      sha256 varchar not null,
      record_type varchar not null,
      record_key varchar not null,
      field varchar not null,
      old_value varchar,
      new_value varchar,
      reason varchar,
      user_id integer,
      created_at timestamptz not null default current_timestamp
    )`,

    `create sequence app_user_id_seq start 1`,
    `create table app_user (
      id integer primary key default nextval('app_user_id_seq'),
      username varchar not null,
      password_hash varchar not null,
      role varchar not null,
      unit_id integer,
      display_name varchar,
      disabled boolean not null default false,
      created_at timestamptz not null default current_timestamp
    )`,
    `create unique index app_user_username on app_user (username)`,

    `create sequence audit_id_seq start 1`,
    `create table audit_log (
      id bigint not null default nextval('audit_id_seq'),
      occurred_at timestamptz not null default current_timestamp,
      user_id integer,
      username varchar,
      action varchar not null,
      target varchar,
      detail json,
      ip varchar
    )`,
  ];
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
