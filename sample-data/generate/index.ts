/**
 * Writes every sample file and its expected reading into sample-data/files/.
 * Generator modules register here: spreadsheets now, Word documents later.
 *   npm run generate -w sample-data
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sample } from './lib/sample.js';
import { spreadsheetSamples } from './spreadsheets/index.js';
import { generateWordSamples } from './word/index.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'files');

/** Generator modules, each writing its samples into OUT and returning how many. */
const GENERATORS: { name: string; run: () => Promise<number> }[] = [
  { name: 'spreadsheets', run: async () => writeSamples(await spreadsheetSamples()) },
  { name: 'word', run: async () => (await generateWordSamples(OUT, () => {})).length },
];

async function writeSamples(samples: Sample[]): Promise<number> {
  for (const s of samples) {
    await writeFile(join(OUT, s.file), s.bytes);
    const base = s.file.replace(/\.[^.]+$/, '');
    await writeFile(join(OUT, `${base}.expected.json`), JSON.stringify(s.expected, null, 2) + '\n');
  }
  return samples.length;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const only = process.argv.slice(2);
  for (const g of GENERATORS) {
    if (only.length && !only.includes(g.name)) continue;
    const n = await g.run();
    process.stdout.write(`${g.name}: ${n} tệp mẫu\n`);
  }
}

await main();
