import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_BYTES, type FileResult } from '@dvk/etl';
import { readEither } from './files-on-disk.js';
import { TAKEN_BACK, UNCLAIMED, type ReaderData, type ReadReply, type ReadTask } from './read-task.js';

/** The ESM entry of tsx's register API, found from tsx's package.json (no import.meta.resolve under vitest). */
function tsxApiUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(path.join(path.dirname(packageJson), 'dist/esm/api/index.mjs')).href;
}

/** Raised when the ETL threw or a reader thread died: the job fails with this message. */
export class ReadError extends Error {}

/**
 * A file's reading as a reader thread sent it: serialised, unpacked only
 * when the writer needs it (see read.worker.ts). Its record count is known
 * without unpacking, for sizing the writer's groups.
 */
export class Reading {
  private constructor(
    readonly records: number,
    private packed: Uint8Array | null,
    private unpacked: FileResult | null,
  ) {}

  static packed(packed: Uint8Array, records: number): Reading {
    return new Reading(records, packed, null);
  }

  static of(result: FileResult): Reading {
    return new Reading(result.records.length, null, result);
  }

  /** The FileResult; the buffer is let go once unpacked. */
  result(): FileResult {
    if (!this.unpacked) {
      this.unpacked = deserialize(this.packed!) as FileResult;
      this.packed = null;
    }
    return this.unpacked;
  }
}

export interface ReadLimits {
  /** Hard wall-clock limit per file: the thread is terminated (the ETL's own 30 s budget is cooperative). */
  timeoutMs?: number;
  /**
   * Heap limit per reader thread (DVK_READ_MEMORY_MB): a file that needs more kills only its thread.
   * 2 GB is where V8 starts to let a heap grow ×4 between full collections; below it the factor shrinks
   * towards ×1.3, and a 768 MB cap made a thread run a full mark-compact every ten commune files
   * (94 per 1,000, against 1 at 2 GB: 4.5 s of GC helper CPU against 1.9 s).
   */
  memoryMb?: number;
  /** Largest file the ETL reads (the upload limit, so a file the door lets in is not refused by its reader). */
  maxFileBytes?: number;
}

export interface ReadOptions {
  /** Called when a thread starts reading the file (it may first wait behind others). */
  onStart?: () => void;
  /** Where the file will be if it is moved away from its path before it is opened. */
  fallback?: string;
  /** Its bytes, if the caller holds them: nothing is read from disk (see ReadTask.bytes). */
  bytes?: Uint8Array;
}

interface Pending {
  task: Omit<ReadTask, 'claim'>;
  /** The claim cell of its latest sending to a thread (see ReadTask.claim). */
  claim?: Int32Array;
  onStart?: (() => void) | undefined;
  resolve: (reading: Reading) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Files sent to the thread, in order; the first is being read. */
  tasks: Pending[];
}

/**
 * Files handed to a thread ahead of time. The writer holds the main thread
 * for a few hundred milliseconds when it writes a large group; a thread
 * that finishes a file must find its next one queued (a commune's file
 * takes a few milliseconds to read), not wait for the main thread to hand
 * it over. A thread left with nothing gets the files another thread has not
 * started (rebalance), so a slow file holds no others hostage.
 */
const DEPTH = 16;

/**
 * Reads files off the request thread: a pool of worker threads, each running
 * the ETL. With size 0 it reads on the main thread (for tools and debugging).
 * The worker file is the compiled .js next to this one in production, or the
 * TypeScript source through tsx under vitest and `node --import tsx`.
 */
export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private inline: Promise<typeof import('@dvk/etl')> | null = null;

  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly maxFileBytes: number;

  constructor(
    private readonly size: number,
    limits: ReadLimits = {},
  ) {
    this.timeoutMs = limits.timeoutMs ?? 120_000;
    this.memoryMb = limits.memoryMb ?? (Number(process.env.DVK_READ_MEMORY_MB) || 2048);
    this.maxFileBytes = limits.maxFileBytes ?? DEFAULT_MAX_BYTES;
  }

  get threads(): number {
    return this.size;
  }

  /** How many files the threads can hold at once (being read, and queued ahead). */
  get capacity(): number {
    return Math.max(1, this.size) * DEPTH;
  }

  async read(path: string, fileName: string, options?: ReadOptions): Promise<FileResult> {
    return (await this.readPacked(path, fileName, options)).result();
  }

  /** The reading as the thread sent it, for a caller that holds many before using them (the upload writer). */
  readPacked(path: string, fileName: string, options: ReadOptions = {}): Promise<Reading> {
    if (this.closed) return Promise.reject(new ReadError('Bộ đọc tệp đã dừng.'));
    if (this.size === 0) return this.readInline(path, fileName, options);
    return new Promise<Reading>((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, path, fileName, fallback: options.fallback, bytes: options.bytes }, onStart: options.onStart, resolve, reject });
      this.pump();
    });
  }

  private async readInline(path: string, fileName: string, options: ReadOptions): Promise<Reading> {
    this.inline ??= import('@dvk/etl');
    const { extract } = await this.inline;
    options.onStart?.();
    // On the main thread anyway (tools and debugging): the same read as a reader thread's.
    const bytes = options.bytes ?? readEither(path, options.fallback);
    try {
      return Reading.of(await extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, { maxBytes: this.maxFileBytes }));
    } catch (error) {
      throw new ReadError(error instanceof Error ? error.message : String(error));
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // The least loaded thread, or a new one while the pool is not full and every thread has work.
      let slot = this.slots.reduce<Slot | undefined>((best, s) => (!best || s.tasks.length < best.tasks.length ? s : best), undefined);
      if ((!slot || slot.tasks.length > 0) && this.slots.length < this.size) slot = this.spawn();
      if (!slot || slot.tasks.length >= DEPTH) return;
      this.send(slot, this.queue.shift()!);
    }
    this.rebalance();
  }

  private send(slot: Slot, pending: Pending): void {
    pending.claim = new Int32Array(new SharedArrayBuffer(4));
    slot.tasks.push(pending);
    slot.worker.postMessage({ ...pending.task, claim: pending.claim } satisfies ReadTask);
  }

  /**
   * Nothing left to hand out, and a thread has nothing to read while another
   * has files queued that it has not started (it may be deep in a long file):
   * the later half of those is taken back and sent to the idle thread.
   */
  private rebalance(): void {
    const idle = this.queue.length === 0 ? this.slots.find((s) => s.tasks.length === 0) : undefined;
    if (!idle) return;
    const busiest = this.slots.reduce((best, s) => (s.tasks.length > best.tasks.length ? s : best));
    const waiting = busiest.tasks.length - 1;
    if (waiting < 1) return;
    const moved: Pending[] = [];
    for (const pending of busiest.tasks.slice(busiest.tasks.length - Math.ceil(waiting / 2))) {
      // Fails for a file the thread has just started: it stays there.
      if (Atomics.compareExchange(pending.claim!, 0, UNCLAIMED, TAKEN_BACK) === UNCLAIMED) moved.push(pending);
    }
    busiest.tasks = busiest.tasks.filter((p) => !moved.includes(p));
    for (const pending of moved) this.send(idle, pending);
  }

  private spawn(): Slot {
    const source = fileURLToPath(import.meta.url).endsWith('.ts');
    const url = new URL(source ? './read.worker.ts' : './read.worker.js', import.meta.url);
    if (!existsSync(url)) throw new Error(`Không thấy tệp luồng đọc ${fileURLToPath(url)}`);
    const workerData: ReaderData = { maxFileBytes: this.maxFileBytes };
    // The young generation keeps V8's own size: a fixed 64 MB one gave ten times more full collections.
    const resourceLimits = { maxOldGenerationSizeMb: this.memoryMb };
    // From TypeScript sources, a small bootstrap registers tsx in the thread
    // before importing the worker (an `--import tsx` flag does not reach a
    // worker's entry module on Node 20).
    const worker = source
      ? new Worker(
          `const tsx = await import(${JSON.stringify(tsxApiUrl())});
           tsx.register();
           await import(${JSON.stringify(url.href)});`,
          { eval: true, execArgv: ['--conditions=dvk-source'], workerData, type: 'module', resourceLimits } as never,
        )
      : new Worker(url, { workerData, resourceLimits });
    worker.unref();
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (reply: ReadReply) => {
      const pending = slot.tasks[0];
      if (!pending || pending.task.id !== reply.id) return;
      if ('started' in reply) {
        // The clock runs from when the thread starts the file, not from when it was queued behind others.
        pending.timer = setTimeout(() => this.fail(slot, new ReadError(`Đọc tệp “${pending.task.fileName}” quá ${Math.round(this.timeoutMs / 1000)} giây; bỏ qua tệp này.`)), this.timeoutMs);
        pending.onStart?.();
        return;
      }
      clearTimeout(pending.timer);
      slot.tasks.shift();
      if (reply.ok) pending.resolve(Reading.packed(reply.packed, reply.records));
      else pending.reject(new ReadError(reply.error));
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) =>
      this.fail(slot, new ReadError(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `tệp cần hơn ${this.memoryMb} MB bộ nhớ để đọc (giới hạn cho mỗi tệp); tệp bị bỏ qua để bảo vệ máy chủ — hãy tách thành các tệp nhỏ hơn.`
        : `Luồng đọc tệp gặp lỗi: ${error.message}`)));
    worker.on('exit', () => this.fail(slot, new ReadError('Luồng đọc tệp dừng bất thường.')));
    this.slots.push(slot);
    return slot;
  }

  /** Rejects the file the thread was reading, drops the thread and lets a fresh one take the rest. */
  private fail(slot: Slot, error: ReadError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const [current, ...waiting] = slot.tasks.splice(0);
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    // Files sent ahead but not started go back to the front of the queue.
    this.queue.unshift(...waiting);
    void slot.worker.terminate();
    if (!this.closed) this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new ReadError('Bộ đọc tệp đã dừng.'));
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      for (const pending of slot.tasks.splice(0)) {
        clearTimeout(pending.timer);
        pending.reject(new ReadError('Bộ đọc tệp đã dừng.'));
      }
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
