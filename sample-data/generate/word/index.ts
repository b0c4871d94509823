/**
 * Writes the Word samples (sample-data/files/*.docx|doc) and, beside each,
 * NAME.expected.json: the generator's own knowledge of what it encoded.
 * Called by generate/index.ts; run alone with
 *   node --import tsx sample-data/generate/word/index.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExpectedFile } from '../lib/expected.js';
import { legacySamples } from './legacy.js';
import { DOCX_SAMPLES } from './samples.js';

export const WORD_FILES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../files');

function writeExpected(dir: string, file: string, expected: ExpectedFile): void {
  writeFileSync(join(dir, `${file.replace(/\.[^.]+$/, '')}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
}

/** Returns the names written (a .doc kept from git when LibreOffice is absent is still listed). */
export async function generateWordSamples(dir: string = WORD_FILES_DIR, log: (m: string) => void = console.log): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  let form: Uint8Array | null = null;
  for (const s of DOCX_SAMPLES) {
    const { bytes, expected } = await s.make();
    form ??= bytes;
    writeFileSync(join(dir, s.file), bytes);
    writeExpected(dir, s.file, expected);
    names.push(s.file);
  }
  const first = form;
  if (!first) throw new Error('no docx sample to truncate');
  for (const s of legacySamples(async () => first)) {
    await s.write(dir, log);
    writeExpected(dir, s.file, await s.expected());
    names.push(s.file);
  }
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = await generateWordSamples();
  console.log(`Đã ghi ${names.length} tệp Word mẫu vào ${WORD_FILES_DIR}`);
}
