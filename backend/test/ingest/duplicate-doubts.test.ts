import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extract } from '@dvk/etl';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/app-config.js';
import { Database } from '../../src/db/database.js';
import { up as findDuplicateFileIds } from '../../src/db/migrations/0005-duplicate-file-ids.js';
import { LoadService, type LoadInput } from '../../src/ingest/load.service.js';
import { RawFileStore } from '../../src/ingest/raw-file.store.js';
import { UnitsService } from '../../src/units/units.service.js';
import { registrationList, UNITS_JSON } from './support.js';

/** Possible cross-file duplicates raised before doubts kept the other files' ids, in a store kept across versions. */
describe('doubts from before file ids were kept', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvk-doubts-'));
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: dir, DVK_STATIC_DIR: path.join(dir, 'none') },
    { databasePath: path.join(dir, 'dvk.duckdb'), port: 0, host: '127.0.0.1' },
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const list = async (unit: string, name: string): Promise<LoadInput> => {
    const rows = [['Tổ nhân dân tự quản về an ninh trật tự', 'Quốc phòng - an ninh', 'Hội Nông dân xã', 'Mới', '', ''], [`Mô hình riêng của ${name}`, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '', '']];
    const bytes = await registrationList({ unit, year: 2033, rows });
    return { sha256: RawFileStore.sha256(bytes), fileName: name, sizeBytes: bytes.length, result: await extract(bytes, name), batchId: null, jobId: null, mode: 'upload' };
  };

  it('finds their files again, and withdraws on start those whose files no longer count', async () => {
    const app = await createApp(config);
    await app.init();
    await app.get(UnitsService).importRegistryFile(UNITS_JSON);
    const [du, ubnd] = await app.get(LoadService).loadMany([await list('Đảng ủy xã Tân Lai', 'du.xlsx'), await list('Ủy ban nhân dân xã Tân Lai', 'ubnd.xlsx')]);
    const idOf = (o: unknown) => (o as { sourceFileId: number }).sourceFileId;
    const db = app.get(Database).db;
    const doubt = () => db.selectFrom('review_item').selectAll().where('source_file_id', '=', idOf(ubnd)).where('reason', '=', 'possible_duplicate').executeTakeFirstOrThrow();
    const rowState = async () => (await db.selectFrom('registration').select('review_state').where('id', '=', (await doubt()).record_id!).executeTakeFirstOrThrow()).review_state;
    expect((await doubt()).detail).toMatchObject({ files: ['du.xlsx'], fileIds: [idOf(du)] });

    // As an older version left it: the doubt names its file only by name, and that file has been superseded since.
    await sql`update review_item set detail = json_merge_patch(detail, '{"fileIds": null}') where id = ${(await doubt()).id}`.execute(db);
    await db.updateTable('source_file').set({ status: 'superseded' }).where('id', '=', idOf(du)).execute();
    expect((await doubt()).detail).not.toHaveProperty('fileIds');
    await findDuplicateFileIds(db as never);
    expect((await doubt()).detail).toMatchObject({ files: ['du.xlsx'], fileIds: [idOf(du)] });
    expect((await doubt()).state).toBe('open');
    expect(await rowState()).toBe('pending');
    await app.close();

    // The next start withdraws it, and its row no longer waits for review.
    const again = await createApp(config);
    await again.init();
    const reopened = again.get(Database).db;
    const item = await reopened.selectFrom('review_item').selectAll().where('source_file_id', '=', idOf(ubnd)).where('reason', '=', 'possible_duplicate').executeTakeFirstOrThrow();
    expect(item.state).toBe('withdrawn');
    expect((await reopened.selectFrom('registration').select('review_state').where('id', '=', item.record_id!).executeTakeFirstOrThrow()).review_state).toBe('ok');
    await again.close();
  });
});
