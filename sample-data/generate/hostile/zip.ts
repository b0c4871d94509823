/**
 * A minimal zip writer for hostile files: stored or deflated entries, fed
 * from chunk generators (so a 100 MB entry never sits in memory), and able
 * to lie in its headers (declared sizes), which library writers refuse.
 */
import { constants, createDeflateRaw } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, seed = 0): number {
  let c = (seed ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  /** The entry's content, as one buffer or chunk by chunk. */
  data: Uint8Array | string | (() => Iterable<Uint8Array | string>);
  /** Store (0) instead of deflate (8). */
  store?: boolean;
  /** Lie in both headers about the uncompressed size (a bomb that hides its size). */
  declaredSize?: number;
}

interface Packed {
  name: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
  declaredSize: number;
}

async function pack(entry: ZipEntry): Promise<Packed> {
  const chunks = typeof entry.data === 'function' ? entry.data() : [entry.data];
  let crc = 0;
  let size = 0;
  const parts: Buffer[] = [];
  if (entry.store) {
    for (const chunk of chunks) {
      const b = Buffer.from(chunk);
      crc = crc32(b, crc);
      size += b.length;
      parts.push(b);
    }
  } else {
    const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
    deflate.on('data', (b: Buffer) => parts.push(b));
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    for (const chunk of chunks) {
      const b = Buffer.from(chunk);
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
    }
    deflate.end();
    await done;
  }
  return {
    name: Buffer.from(entry.name, 'utf8'),
    method: entry.store ? 0 : 8,
    crc,
    compressed: Buffer.concat(parts),
    size,
    declaredSize: entry.declaredSize ?? size,
  };
}

const DOS_TIME = (8 << 11) | 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 15;

/** Builds a zip (no zip64: every entry and the whole file stay under 4 GB). */
export async function zip(entries: ZipEntry[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const p = await pack(entry);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(p.name.length, 26);
    local.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(p.method, 10);
    cen.writeUInt16LE(DOS_TIME, 12);
    cen.writeUInt16LE(DOS_DATE, 14);
    cen.writeUInt32LE(p.crc, 16);
    cen.writeUInt32LE(p.compressed.length, 20);
    cen.writeUInt32LE(p.declaredSize, 24);
    cen.writeUInt16LE(p.name.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, p.name);
    out.push(local, p.name, p.compressed);
    offset += local.length + p.name.length + p.compressed.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length & 0xffff, 8);
  eocd.writeUInt16LE(entries.length & 0xffff, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, eocd]);
}
