import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader } from '@duckdb/node-api';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type SchemaMetadata,
  type TableMetadata,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * The part of `@duckdb/node-api` this dialect needs: one connection that runs
 * SQL with positional `$n` parameters.
 */
export interface DuckDBDialectConfig {
  connection: () => Promise<DuckDBConnection>;
  /**
   * Connections to open (default 1, serialised by Kysely: the writer). More
   * than one makes a pool of readers: each query takes a free connection, and
   * DuckDB gives each one the last committed state, so readers neither wait
   * for nor see the writer's open transaction. A pool does not run transactions.
   */
  connections?: number;
}

/**
 * Kysely dialect for DuckDB through `@duckdb/node-api`. DuckDB speaks the
 * Postgres dialect closely enough that Kysely's Postgres compiler and
 * introspector serve as they are; one connection, serialised by Kysely.
 */
export class DuckDBDialect implements Dialect {
  constructor(private readonly config: DuckDBDialectConfig) {}

  createAdapter(): DialectAdapter {
    return (this.config.connections ?? 1) > 1 ? new DuckDBReaderAdapter() : new DuckDBAdapter();
  }
  createDriver(): Driver {
    return (this.config.connections ?? 1) > 1 ? new DuckDBReaderDriver(this.config) : new DuckDBDriver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new DuckDBIntrospector(db);
  }
}

/** Reads DuckDB's information_schema (Postgres' catalog functions are missing). */
class DuckDBIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const query = CompiledQuery.raw('select distinct schema_name as name from information_schema.schemata');
    return (await this.db.executeQuery<{ name: string }>(query)).rows;
  }

  async getTables(options: { withInternalKyselyTables?: boolean } = {}): Promise<TableMetadata[]> {
    const query = CompiledQuery.raw(
      `select c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        order by c.table_schema, c.table_name, c.ordinal_position`,
    );
    const { rows } = await this.db.executeQuery<{
      table_schema: string; table_name: string; table_type: string; column_name: string;
      data_type: string; is_nullable: string; column_default: string | null;
    }>(query);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && row.table_name.startsWith('kysely_')) continue;
      const key = `${row.table_schema}.${row.table_name}`;
      let table = tables.get(key);
      if (!table) {
        table = { name: row.table_name, schema: row.table_schema, isView: row.table_type === 'VIEW', isForeign: false, columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: row.column_name,
        dataType: row.data_type,
        isNullable: row.is_nullable === 'YES',
        hasDefaultValue: row.column_default !== null,
        isAutoIncrementing: (row.column_default ?? '').includes('nextval('),
      });
    }
    return [...tables.values()];
  }
}

class DuckDBAdapter extends PostgresAdapter {
  override get supportsMultipleConnections(): boolean {
    return false;
  }
  // One process owns the file and Kysely serialises the one connection,
  // so the migrator needs no lock of its own.
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

class DuckDBDriver implements Driver {
  #connection?: DuckDBDatabaseConnection;
  constructor(private readonly config: DuckDBDialectConfig) {}

  async init(): Promise<void> {
    this.#connection = new DuckDBDatabaseConnection(await this.config.connection());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connection) throw new Error('DuckDB driver not initialised');
    return this.#connection;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin transaction'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.#connection?.close();
    this.#connection = undefined;
  }
}

class DuckDBReaderAdapter extends DuckDBAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** A pool of reading connections: a query takes a free one, or waits for the first to be released. */
class DuckDBReaderDriver implements Driver {
  #free: DuckDBDatabaseConnection[] = [];
  #all: DuckDBDatabaseConnection[] = [];
  #waiting: ((connection: DuckDBDatabaseConnection) => void)[] = [];
  constructor(private readonly config: DuckDBDialectConfig) {}

  async init(): Promise<void> {
    for (let i = 0; i < (this.config.connections ?? 2); i++) this.#all.push(new DuckDBDatabaseConnection(await this.config.connection()));
    this.#free = [...this.#all];
  }
  acquireConnection(): Promise<DatabaseConnection> {
    const connection = this.#free.pop();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const next = this.#waiting.shift();
    if (next) next(connection as DuckDBDatabaseConnection);
    else this.#free.push(connection as DuckDBDatabaseConnection);
  }
  beginTransaction(): Promise<void> {
    throw new Error('The DuckDB reader pool does not run transactions; write through Database.db');
  }
  commitTransaction(): Promise<void> {
    throw new Error('The DuckDB reader pool does not run transactions');
  }
  rollbackTransaction(): Promise<void> {
    throw new Error('The DuckDB reader pool does not run transactions');
  }
  async destroy(): Promise<void> {
    for (const connection of this.#all.splice(0)) connection.close();
    this.#free = [];
  }
}

/** Prepared statements kept per connection: the SQL texts of a running app are few and repeat. */
const STATEMENT_CACHE_SIZE = 256;

class DuckDBDatabaseConnection implements DatabaseConnection {
  /** Least recently used first (a Map keeps insertion order; a hit moves the entry to the end). */
  readonly #statements = new Map<string, DuckDBPreparedStatement>();

  constructor(private readonly connection: DuckDBConnection) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = compiledQuery.parameters.map(toDuckDBParameter);
    const result = parameters.length > 0 ? await this.runPrepared(compiledQuery.sql, parameters) : await this.connection.runAndReadAll(compiledQuery.sql);
    const rows = readRows(result) as R[];
    const kind = compiledQuery.query.kind;
    if (kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode') {
      // Without RETURNING, DuckDB answers a write with one row holding the count.
      const hasReturning = 'returning' in compiledQuery.query && compiledQuery.query.returning !== undefined;
      if (!hasReturning) {
        const count = rows.length === 1 ? Number(Object.values(rows[0] as object)[0] ?? 0) : 0;
        return { rows: [], numAffectedRows: BigInt(count) };
      }
      return { rows, numAffectedRows: BigInt(rows.length) };
    }
    return { rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by the DuckDB dialect; page with limit/offset');
  }

  /**
   * A parameterised query through a cached prepared statement: parsing and
   * planning happen once per SQL text instead of on every call (two fewer
   * trips to DuckDB's threads per query). DuckDB rebinds a prepared statement
   * itself when a table it reads was replaced (the derived tables are).
   */
  private async runPrepared(text: string, parameters: unknown[]): Promise<DuckDBResultReader> {
    let statement = this.#statements.get(text);
    if (statement) this.#statements.delete(text);
    else {
      statement = await this.connection.prepare(text);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const [oldest, evicted] = this.#statements.entries().next().value!;
        this.#statements.delete(oldest);
        evicted.destroySync();
      }
    }
    this.#statements.set(text, statement);
    statement.clearBindings();
    statement.bind(parameters as never);
    return statement.runAndReadAll();
  }

  close(): void {
    for (const statement of this.#statements.values()) statement.destroySync();
    this.#statements.clear();
    this.connection.closeSync();
  }
}

/** Values Kysely hands us that DuckDB's binder does not take as they are. */
function toDuckDBParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean' || value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value;
  if (value === undefined) return null;
  // Objects and arrays go in as JSON text; columns of type JSON parse them.
  return JSON.stringify(value);
}

/**
 * Converts DuckDB's JS values at the boundary so services never see them:
 * BIGINT → number (string when beyond 2^53), DATE → 'YYYY-MM-DD',
 * DECIMAL → number, TIMESTAMP → Date, JSON → parsed value.
 */
export function readRows(result: DuckDBResultReader): Record<string, unknown>[] {
  const names = result.columnNames();
  const types = result.columnTypes().map((t) => t.alias ?? t.toString());
  const rows = result.getRowObjectsJS();
  const converters = types.map((type) => converterFor(type));
  for (const row of rows) {
    for (let i = 0; i < names.length; i++) {
      const convert = converters[i];
      const name = names[i]!;
      if (convert) row[name] = convert(row[name]) as never;
    }
  }
  return rows as Record<string, unknown>[];
}

type Converter = (value: unknown) => unknown;

function converterFor(type: string): Converter | undefined {
  if (type === 'BIGINT' || type === 'HUGEINT' || type === 'UBIGINT' || type === 'UHUGEINT') return bigintToNumber;
  if (type === 'DATE') return (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  if (type === 'JSON') return (v) => (typeof v === 'string' ? JSON.parse(v) : v);
  if (type.endsWith('[]')) return (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'bigint' ? bigintToNumber(x) : x)) : v);
  return undefined;
}

function bigintToNumber(value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}
