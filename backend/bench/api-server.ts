/**
 * The app as the API bench runs it (bundled by api.bench.ts with decorator
 * metadata, started as a child process): the real createApp on the national
 * dataset, plus one bench-only route that records the SQL a request runs, so
 * the bench can time the same SQL directly on DuckDB.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { NextFunction, Request, Response } from 'express';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/app-config.js';
import { Database } from '../src/db/database.js';

const port = Number(process.env.PORT ?? 3917);
const config = loadConfig(process.env, { databasePath: process.env.DVK_DB!, port, host: '127.0.0.1', logLevel: 'silent', staticDir: null, seedDir: null });
const app = await createApp(config);

let captured: { sql: string; params: unknown[] }[] | null = null;
/** Records every statement a connection runs: plain ones, and each run of a (cached) prepared statement with the values bound to it. */
const wrap = (connection: DuckDBConnection) => {
  const run = connection.runAndReadAll.bind(connection);
  connection.runAndReadAll = ((sql: string, params?: unknown[]) => {
    captured?.push({ sql, params: params ?? [] });
    return run(sql, params as never);
  }) as typeof connection.runAndReadAll;
  const prepare = connection.prepare.bind(connection);
  connection.prepare = async (sql: string) => {
    const statement = await prepare(sql);
    let bound: unknown[] = [];
    const bind = statement.bind.bind(statement);
    statement.bind = ((values: unknown[]) => {
      bound = values;
      bind(values as never);
    }) as typeof statement.bind;
    const runStatement = statement.runAndReadAll.bind(statement);
    statement.runAndReadAll = () => {
      captured?.push({ sql, params: bound });
      return runStatement();
    };
    return statement;
  };
};
const database = app.get(Database);
wrap(database.raw);
for (const reader of database.readers) wrap(reader);

// POST starts recording, GET returns what was recorded since and stops.
app.use('/__bench/capture', (req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'POST') {
    captured = [];
    res.status(204).end();
  } else if (req.method === 'GET') {
    res.json(captured ?? []);
    captured = null;
  } else next();
});

await app.listen(port, '127.0.0.1');
console.log(`ready ${port}`);
