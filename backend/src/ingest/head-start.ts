import { RawFileStore } from './raw-file.store.js';
import { ReadPool, type Reading } from './read-pool.js';

/** Readings started before their upload was accepted and not yet taken by a job, across all uploads. */
const MAX_HELD = 128;

/** A file read while the rest of its upload was still arriving. */
export class HeadStart {
  /** When a thread began it; null while it waits for one. */
  startedAt: Date | null = null;
  /** Called once a thread begins it, if that happens after its job exists. */
  onStart: (() => void) | null = null;
  /** Taken by its job or dropped: no longer counted as held. */
  released = false;

  constructor(readonly result: Promise<Reading>) {
    // A dropped head start's failure is nobody's outcome; a taken one's is awaited by its job.
    result.catch(() => undefined);
  }

  /** A thread began reading it. */
  began(): void {
    this.startedAt = new Date();
    this.onStart?.();
  }
}

/**
 * Reads an upload's files while the rest of the request is still arriving:
 * receiving a thousand files takes a second or more, and the reader threads
 * would otherwise sit idle until the batch exists. Nothing is written from a
 * head start until its job takes it; a refused upload's are dropped. The
 * number held at once is bounded, so an upload that is refused or waits
 * behind others costs bounded memory; files beyond it are read by their jobs.
 */
export class HeadStarts {
  private held = 0;

  constructor(
    private readonly pool: ReadPool,
    private readonly store: RawFileStore,
    private readonly maxHeld = MAX_HELD,
  ) {}

  /**
   * A file of an upload was received (its bytes, when it is small enough to be
   * held in memory; otherwise it is on disk at `tempPath`): read it now if the
   * bound allows.
   */
  begin(tempPath: string, sha256: string, fileName: string, bytes?: Uint8Array): HeadStart | null {
    if (this.pool.threads === 0 || this.held >= this.maxHeld) return null;
    this.held++;
    // Once accepted, the temp file moves into the store: the thread reads whichever exists.
    const start: HeadStart = new HeadStart(this.pool.readPacked(tempPath, fileName, { fallback: this.store.pathOf(sha256), bytes, onStart: () => start.began() }));
    return start;
  }

  /** Its job has it: it no longer counts against the bound. */
  take(start: HeadStart): HeadStart {
    this.release(start);
    return start;
  }

  /** The upload was refused, or failed before its jobs existed. */
  drop(starts: Iterable<HeadStart | null | undefined>): void {
    for (const start of starts) if (start) this.release(start);
  }

  private release(start: HeadStart): void {
    if (start.released) return;
    start.released = true;
    this.held--;
  }
}
