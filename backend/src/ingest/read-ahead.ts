import type { FileResult } from '@dvk/etl';
import { RawFileStore } from './raw-file.store.js';
import { ReadPool } from './read-pool.js';

/** A file of an upload still being received, as soon as it is on disk and hashed. */
export interface ArrivedFile {
  fileName: string;
  tempPath: string;
  sha256: string;
}

interface Reading {
  result: Promise<FileResult>;
  startedAt: Date;
}

/** Readings started per reader thread before the upload's jobs exist (read-pool.ts keeps as many queued per thread). */
const IN_FLIGHT_PER_THREAD = 4;
/** Readings finished and not yet taken by their job: bounds the memory an upload held up behind others can use. */
const MAX_HELD = 64;
/** A reading no job took within this time belongs to an upload that never became a batch. */
const STALE_MS = 10 * 60_000;

/**
 * Reads an upload's files while the rest of the request is still arriving.
 * Receiving a thousand files takes about a second, and the reader threads
 * would otherwise sit idle until the batch exists. A reading is only a head
 * start: the batch's job takes it (`take`) instead of reading the file again,
 * and nothing is written until then. A refused upload's readings are dropped.
 */
export class ReadAhead {
  private readonly readings = new Map<string, Reading>();
  private inFlight = 0;

  constructor(
    private readonly pool: ReadPool,
    private readonly store: RawFileStore,
  ) {}

  /** One upload request: offer its files as they arrive, then close it with whether it was accepted. */
  session(): ReadAheadSession {
    return new ReadAheadSession(this);
  }

  /** The reading started for this file on arrival, if any; it is handed out once. */
  take(sha256: string, fileName: string): Reading | undefined {
    const key = keyOf(sha256, fileName);
    const reading = this.readings.get(key);
    this.readings.delete(key);
    return reading;
  }

  /** Starts reading a file if a thread has room and the held readings are within bounds. */
  tryStart(file: ArrivedFile): boolean {
    const key = keyOf(file.sha256, file.fileName);
    if (this.pool.threads === 0 || this.readings.has(key)) return false;
    if (this.readings.size >= MAX_HELD) this.dropStale();
    if (this.inFlight >= this.pool.threads * IN_FLIGHT_PER_THREAD || this.readings.size >= MAX_HELD) return false;
    this.inFlight++;
    // The temp file moves into the raw store once the request is accepted: the thread reads whichever exists.
    const result = this.pool.read(file.tempPath, file.fileName, this.store.pathOf(file.sha256));
    const settle = () => this.settled();
    result.then(settle, settle);
    // A failed head start is not the job's outcome: the job reads the file again itself (see take's caller).
    result.catch(() => undefined);
    this.readings.set(key, { result, startedAt: new Date() });
    return true;
  }

  drop(files: readonly ArrivedFile[]): void {
    for (const file of files) this.readings.delete(keyOf(file.sha256, file.fileName));
  }

  private dropStale(): void {
    const before = Date.now() - STALE_MS;
    for (const [key, reading] of this.readings) if (reading.startedAt.getTime() < before) this.readings.delete(key);
  }

  private readonly waiting = new Set<ReadAheadSession>();

  /** A session with files not started yet asks to be told when a thread frees up. */
  wait(session: ReadAheadSession): void {
    this.waiting.add(session);
  }

  forget(session: ReadAheadSession): void {
    this.waiting.delete(session);
  }

  private settled(): void {
    this.inFlight--;
    for (const session of [...this.waiting]) session.startWaiting();
  }
}

/** The files of one upload request, in the order they arrived. */
export class ReadAheadSession {
  private readonly notStarted: ArrivedFile[] = [];
  private readonly started: ArrivedFile[] = [];
  private closed = false;

  constructor(private readonly owner: ReadAhead) {}

  arrived(file: ArrivedFile): void {
    if (this.closed) return;
    this.notStarted.push(file);
    this.startWaiting();
  }

  /** Starts files in arrival order while there is room. */
  startWaiting(): void {
    while (!this.closed && this.notStarted.length > 0 && this.owner.tryStart(this.notStarted[0]!)) this.started.push(this.notStarted.shift()!);
    if (this.notStarted.length > 0 && !this.closed) this.owner.wait(this);
    else this.owner.forget(this);
  }

  /**
   * The request ended. Accepted: its jobs take the readings started so far
   * and read the rest themselves. Refused: every reading of it is dropped.
   */
  close(accepted: boolean): void {
    this.closed = true;
    this.notStarted.length = 0;
    this.owner.forget(this);
    if (!accepted) this.owner.drop(this.started);
  }
}

function keyOf(sha256: string, fileName: string): string {
  return `${sha256}\u0000${fileName}`;
}
