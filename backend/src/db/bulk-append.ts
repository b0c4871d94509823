import { timestampTZValue, type DuckDBAppender } from '@duckdb/node-api';
import { sql, type Transaction } from 'kysely';

/** A column as the appender needs it: its type, and how to fill it when a row leaves it out. */
export interface AppendColumn {
  name: string;
  type: string;
  /** A constant default (current_timestamp, 'open', 0): DuckDB fills it. */
  constantDefault: boolean;
  /** The sequence of a `nextval(...)` default: the appender cannot call it, so ids are drawn first. */
  sequence: string | null;
}

/** The table's columns in their stored order, read once per table. */
export async function appendColumns(trx: Transaction<unknown>, table: string): Promise<AppendColumn[]> {
  const rows = await sql<{ column_name: string; data_type: string; column_default: string | null }>`
    select column_name, data_type, column_default from information_schema.columns
     where table_name = ${table} order by ordinal_position`.execute(trx);
  if (rows.rows.length === 0) throw new Error(`No table ${table}`);
  return rows.rows.map((r) => {
    const sequence = /^nextval\('([^']+)'\)$/.exec(r.column_default ?? '')?.[1] ?? null;
    return { name: r.column_name, type: r.data_type, constantDefault: r.column_default !== null && sequence === null, sequence };
  });
}

/**
 * Writes rows into an appender, column by column in the table's order. A
 * missing key takes the column's constant default; otherwise `undefined` and
 * `null` are both NULL.
 */
export function appendRows(appender: DuckDBAppender, columns: AppendColumn[], rows: readonly Record<string, unknown>[]): void {
  const writers = columns.map((c) => writerFor(c.type));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = row[column.name];
      if (value === undefined && column.constantDefault && !(column.name in row)) appender.appendDefault();
      else if (value === undefined || value === null) appender.appendNull();
      else writers[i]!(appender, value, column.name);
    }
    appender.endRow();
  }
}

type Writer = (appender: DuckDBAppender, value: unknown, column: string) => void;

function writerFor(type: string): Writer {
  switch (type) {
    case 'INTEGER':
    case 'SMALLINT':
    case 'TINYINT':
      return (a, v, c) => a.appendInteger(toNumber(v, c));
    case 'BIGINT':
      return (a, v, c) => a.appendBigInt(BigInt(toNumber(v, c)));
    case 'DOUBLE':
    case 'FLOAT':
      return (a, v, c) => a.appendDouble(toNumber(v, c));
    case 'BOOLEAN':
      return (a, v) => a.appendBoolean(Boolean(v));
    case 'JSON':
      // Strings in a JSON column are JSON text already (as Kysely would send them).
      return (a, v) => a.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v));
    case 'TIMESTAMP WITH TIME ZONE':
      return (a, v, c) => a.appendTimestampTZ(timestampTZValue(BigInt(toMillis(v, c)) * 1000n));
    case 'VARCHAR':
      return (a, v) => a.appendVarchar(typeof v === 'string' ? v : String(v));
    case 'DATE':
      // 'YYYY-MM-DD' as the dialect hands dates around; the appender casts the text to the column's type.
      return (a, v, c) => a.appendVarchar(toDay(v, c));
    default:
      throw new Error(`appendRows: column type ${type} is not supported`);
  }
}

function toNumber(value: unknown, column: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`appendRows: column ${column} expects a number, got ${String(value)}`);
  return n;
}

function toDay(value: unknown, column: string): string {
  const day = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`appendRows: column ${column} expects a date, got ${String(value)}`);
  return day;
}

function toMillis(value: unknown, column: string): number {
  const ms = value instanceof Date ? value.getTime() : new Date(value as string | number).getTime();
  if (!Number.isFinite(ms)) throw new Error(`appendRows: column ${column} expects a time, got ${String(value)}`);
  return ms;
}
