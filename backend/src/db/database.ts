import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Kysely, sql, type Transaction } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { appendColumns, appendRows, type AppendColumn } from './bulk-append.js';
import { DataChanges } from './data-changes.js';
import { IdReserve } from './id-reserve.js';
import { DuckDBDialect } from './duckdb-dialect.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

function defaultReaders(): number {
  return Number(process.env.DVK_DB_READERS) || Math.max(2, availableParallelism());
}

/**
 * The one owner of the DuckDB file: opens it, migrates it, hands out the
 * Kysely instance, and closes it (checkpointing) on shutdown.
 */
export class Database {
  /** Signalled after every write transaction commits (see data-changes.ts). */
  readonly changes = new DataChanges();

  private constructor(
    /** The writer: one connection, serialised; every write and every transaction goes here. */
    readonly db: Kysely<DB>,
    /**
     * Readers: a pool of connections for the dashboard's read-only queries,
     * which run side by side and see the last committed data without waiting
     * for the writer (an upload's transaction, a rebuild of derived tables).
     */
    readonly read: Kysely<DB>,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** The readers' connections (the API bench records the SQL they run). */
    readonly readers: readonly DuckDBConnection[],
    readonly path: string,
  ) {}

  /** @param readers connections in the reading pool (DVK_DB_READERS; default: one per core, at least 2). */
  static async open(databasePath: string, readers = defaultReaders()): Promise<Database> {
    if (databasePath !== ':memory:') mkdirSync(path.dirname(databasePath), { recursive: true });
    const instance = await DuckDBInstance.create(databasePath);
    const connection = await instance.connect();
    const db = new Kysely<DB>({ dialect: new DuckDBDialect({ connection: async () => connection }) });
    const readerConnections = await Promise.all(Array.from({ length: Math.max(2, readers) }, () => instance.connect()));
    let handedOut = 0;
    const read = new Kysely<DB>({ dialect: new DuckDBDialect({ connection: async () => readerConnections[handedOut++]!, connections: readerConnections.length }) });
    const database = new Database(db, read, instance, connection, readerConnections, databasePath);
    await database.migrate();
    // DuckDB cannot replay DDL from its WAL after a hard kill (SIGKILL, power loss):
    // fold the migrations into the file before anything else is written.
    if (databasePath !== ':memory:') await sql`checkpoint`.execute(db);
    return database;
  }

  /** Runs a write transaction; once it commits, readers of derived data hear of the change. */
  async transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await this.db.transaction().execute(work);
    } catch (error) {
      this.ids.forget();
      throw error;
    }
    this.changes.changed();
    return result;
  }

  private readonly ids = new IdReserve();

  /**
   * Ids for rows about to be inserted, from the sequence their column's
   * default uses (see id-reserve.ts). Inside a transaction, pass it: ids
   * drawn there are forgotten if it rolls back.
   */
  takeIds(executor: Kysely<DB> | Transaction<DB>, sequence: string, count: number): Promise<number[]> {
    return this.ids.take(executor as never, sequence, count);
  }

  private readonly appendColumns = new Map<string, AppendColumn[]>();

  /**
   * Appends many rows to a table inside the caller's transaction through
   * DuckDB's appender: no SQL text, no parameters to bind, no JSON to parse
   * (several times faster than an INSERT for thousands of rows). The
   * transaction holds Kysely's lock on the one connection, so the appender
   * writes into that transaction and its rows commit or roll back with it.
   * Ids a `nextval` default would give are drawn from the sequence first.
   */
  async append(trx: Transaction<DB>, table: keyof DB & string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    let columns = this.appendColumns.get(table);
    if (!columns) {
      columns = await appendColumns(trx as Transaction<unknown>, table);
      this.appendColumns.set(table, columns);
    }
    let filled = rows;
    for (const column of columns) {
      if (!column.sequence) continue;
      const missing = filled.filter((r) => r[column.name] === undefined || r[column.name] === null).length;
      if (missing === 0) continue;
      const ids = await this.takeIds(trx, column.sequence, missing);
      let k = 0;
      filled = filled.map((r) => (r[column.name] === undefined || r[column.name] === null ? { ...r, [column.name]: ids[k++] } : r));
    }
    const appender = await this.connection.createAppender(table);
    try {
      appendRows(appender, columns, filled);
      appender.flushSync();
    } catch (error) {
      // The appender may hold half a row, which closing tries to flush; the caller's rollback discards the rest.
      try {
        appender.closeSync();
      } catch {
        /* the error that brought us here is the one to report */
      }
      throw error;
    }
    appender.closeSync();
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
    await this.read.destroy();
    // The pool only takes its connections on its first query: close them here too, or the file stays locked.
    for (const reader of this.readers) reader.closeSync();
    await this.db.destroy();
    this.instance.closeSync();
  }
  /** The raw connection, for DuckDB-only work the dialect does not cover (Arrow, COPY). */
  get raw(): DuckDBConnection {
    return this.connection;
  }
}
