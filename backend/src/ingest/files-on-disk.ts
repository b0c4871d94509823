import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Extensions the ETL reads. */
export const READABLE = /\.(xlsx|xls|csv|docx|doc)$/i;

/** Every readable file under the given files and folders, recursively, sorted; Office lock files (~$…) skipped. */
export async function listReadableFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (target: string): Promise<void> => {
    const info = await stat(target).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      const entries = await readdir(target);
      for (const entry of entries.sort()) await walk(path.join(target, entry));
    } else if (READABLE.test(target) && !path.basename(target).startsWith('~$')) {
      out.push(target);
    }
  };
  for (const input of inputs) await walk(path.resolve(input));
  return [...new Set(out)];
}

/** The file at `path`, or at `fallback` when it was moved there meanwhile (a rename is atomic: one of them exists). */
export function readEither(path: string, fallback: string | undefined): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if (!fallback || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return readFileSync(fallback);
  }
}
