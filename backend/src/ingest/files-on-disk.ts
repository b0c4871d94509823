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
