/**
 * Writes the Word samples (sample-data/files/*.docx|doc) and, beside each,
 * NAME.expected.json: the generator's own knowledge of what it encoded.
 * Run alone with `node --import tsx sample-data/generate/word/index.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { legacySamples } from './legacy.js';
import { DOCX_SAMPLES, type Expected } from './samples.js';

export const WORD_FILES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../files');

function writeExpected(dir: string, name: string, expected: Expected): void {
  writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
}

/** Returns the names written (a .doc kept from git when LibreOffice is absent is still listed). */
export async function generateWordSamples(dir: string = WORD_FILES_DIR, log: (m: string) => void = console.log): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const s of DOCX_SAMPLES) {
    writeFileSync(join(dir, s.name), await s.build());
    writeExpected(dir, s.name, s.expected);
    names.push(s.name);
  }
  const form = DOCX_SAMPLES[0];
  if (!form) throw new Error('no docx sample to truncate');
  for (const s of legacySamples(form.build)) {
    await s.write(dir, log);
    writeExpected(dir, s.name, s.expected);
    names.push(s.name);
  }
  return names;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = await generateWordSamples();
  console.log(`Đã ghi ${names.length} tệp Word mẫu vào ${WORD_FILES_DIR}`);
}
