import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Keeps every uploaded file's bytes, content-addressed by sha256, so nothing
 * received is ever lost and the original can always be downloaded again.
 * File names from uploads are never used as paths.
 */
export class RawFileStore {
  constructor(private readonly root: string) {}

  static sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Mã sha256 không hợp lệ: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Writes atomically (temp file + rename); an existing copy is left as it is. */
  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = RawFileStore.sha256(bytes);
    const target = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    }
    return sha256;
  }

  /**
   * Moves a file already on disk (an upload's temp file) into the store;
   * returns its sha256. A copy already there is replaced by the same bytes
   * (the rename is atomic, and a reader that has it open keeps reading it).
   */
  async adopt(tempPath: string, sha256?: string): Promise<string> {
    const hash = sha256 ?? (await hashFile(tempPath));
    const target = this.pathOf(hash);
    const dir = path.dirname(target);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    await rename(tempPath, target).catch(async (error: NodeJS.ErrnoException) => {
      // The folder was removed behind our back (a restored backup, a hand-cleaned disk): make it again.
      if (error.code !== 'ENOENT' || !(await stat(tempPath).then(() => true, () => false))) throw error;
      await mkdir(dir, { recursive: true });
      await rename(tempPath, target);
    });
    return hash;
  }

  /** Folders of the store known to exist: a thousand files share 256 of them. */
  private readonly dirs = new Set<string>();

  has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(() => true, () => false);
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}
