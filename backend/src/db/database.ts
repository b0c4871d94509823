import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Kysely, sql, type Transaction } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { DataChanges } from './data-changes.js';
import { DuckDBDialect } from './duckdb-dialect.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

/**
 * The one owner of the DuckDB file: opens it, migrates it, hands out the
 * Kysely instance, and closes it (checkpointing) on shutdown.
 */
export class Database {
  /** Signalled after every write transaction commits (see data-changes.ts). */
  readonly changes = new DataChanges();

  private constructor(
    readonly db: Kysely<DB>,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(databasePath: string): Promise<Database> {
    if (databasePath !== ':memory:') mkdirSync(path.dirname(databasePath), { recursive: true });
    const instance = await DuckDBInstance.create(databasePath);
    const connection = await instance.connect();
    const db = new Kysely<DB>({ dialect: new DuckDBDialect({ connection: async () => connection }) });
    const database = new Database(db, instance, connection, databasePath);
    await database.migrate();
    // DuckDB cannot replay DDL from its WAL after a hard kill (SIGKILL, power loss):
    // fold the migrations into the file before anything else is written.
    if (databasePath !== ':memory:') await sql`checkpoint`.execute(db);
    return database;
  }

  /** Runs a write transaction; once it commits, readers of derived data hear of the change. */
  async transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    const result = await this.db.transaction().execute(work);
    this.changes.changed();
    return result;
  }

  async migrate(): Promise<MigrationResultSet> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => migrations },
    });
    const result = await migrator.migrateToLatest();
    if (result.error) throw result.error;
    return result;
  }

  /** Name of the newest applied migration: the schema version. */
  async schemaVersion(): Promise<string | null> {
    const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(this.db);
    return row.rows[0]?.name ?? null;
  }

  async close(): Promise<void> {
    if (this.path !== ':memory:') await sql`checkpoint`.execute(this.db).catch(() => undefined);
    await this.db.destroy();
    this.instance.closeSync();
  }
  /** The raw connection, for DuckDB-only work the dialect does not cover (Arrow, COPY). */
  get raw(): DuckDBConnection {
    return this.connection;
  }
}
