import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { migrations } from '../../src/db/migrations/index.js';

describe('migrations', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvk-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bring an empty database file to the newest schema, and a reopen applies nothing twice', async () => {
    const file = path.join(dir, 'fresh.duckdb');
    const first = await Database.open(file);
    const names = Object.keys(migrations).sort();
    expect(await first.schemaVersion()).toBe(names.at(-1));
    const tables = await first.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['unit', 'source_file', 'registration', 'recognition', 'exemplar', 'report_figure', 'plan', 'quota_rule', 'correction', 'app_user', 'audit_log']));
    await first.db.insertInto('app_meta').values({ key: 'probe', value: 'giữ lại' }).execute();
    await first.close();

    const second = await Database.open(file);
    const again = await second.migrate();
    expect(again.results).toEqual([]);
    const kept = await second.db.selectFrom('app_meta').select('value').where('key', '=', 'probe').executeTakeFirst();
    expect(kept?.value).toBe('giữ lại');
    await second.close();
  });
});
