/**
 * Writes the hostile-input corpus to sample-data/hostile/ with a manifest
 * (what each file is, the name to upload it under, what the server must
 * answer). Large items are left to the tests, which build them in a temp
 * folder:  node --import tsx sample-data/generate/hostile/index.ts [--large]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileCorpus } from './corpus.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'hostile');

const items = await hostileCorpus({ large: process.argv.includes('--large') });
await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
for (const item of items) await writeFile(join(OUT, item.file), item.bytes);
const manifest = items.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.length }));
await writeFile(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`hostile: ${items.length} tệp → ${OUT}\n`);
