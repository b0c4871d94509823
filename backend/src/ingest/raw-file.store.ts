import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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
    const exists = await stat(target).then(() => true, () => false);
    if (!exists) {
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    }
    return sha256;
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }
}
