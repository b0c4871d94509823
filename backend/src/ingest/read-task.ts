/** What the read pool and its reader threads (read.worker.ts) send each other. */

/** Given to each thread when it starts. */
export interface ReaderData {
  /** Largest file the ETL reads, in bytes. */
  maxFileBytes: number;
}

export interface ReadTask {
  id: number;
  path: string;
  fileName: string;
  /** Where the file will be if it is moved away from `path` before the thread opens it (an upload's temp file, moved into the store). */
  fallback?: string | undefined;
  /**
   * The file's bytes, when the caller holds them (a small upload part, still
   * being written to `path`): read from these, without waiting for the disk.
   * Copied to the thread, not transferred, so a task taken back can be sent again.
   */
  bytes?: Uint8Array | undefined;
  /**
   * One Int32 shared with the pool: the thread claims the file (0 → 1) when
   * it starts it, or finds it taken back (2) by the pool for another thread.
   * Shared memory, because a thread busy in a long file cannot answer messages.
   */
  claim: Int32Array;
}

export const UNCLAIMED = 0;
export const STARTED = 1;
export const TAKEN_BACK = 2;

export type ReadReply =
  | { id: number; started: true }
  /** The reading, serialised (v8.serialize) into a buffer transferred to the main thread, not copied. */
  | { id: number; ok: true; packed: Uint8Array; records: number }
  | { id: number; ok: false; error: string };
