/**
 * A reader thread: reads a raw file from the store and runs the ETL's
 * extract() on it. It never touches the database; the main process loads
 * what it returns.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileResult } from '@dvk/etl';

export interface ReadTask {
  id: number;
  path: string;
  fileName: string;
}

export type ReadReply =
  | { id: number; started: true }
  | { id: number; ok: true; result: FileResult; readMs: number }
  | { id: number; ok: false; error: string };

const specifier = (workerData as { etlModule?: string } | undefined)?.etlModule ?? '@dvk/etl';
const etl = (await import(specifier)) as typeof import('@dvk/etl');

// The pool sends the next files before this one is done, so the thread never
// waits for a busy main thread to hand it work; they are read one at a time.
const queue: ReadTask[] = [];
let running = false;

parentPort!.on('message', (task: ReadTask) => {
  queue.push(task);
  if (!running) void next();
});

async function next(): Promise<void> {
  running = true;
  for (let task = queue.shift(); task; task = queue.shift()) {
    parentPort!.postMessage({ id: task.id, started: true } satisfies ReadReply);
    const started = performance.now();
    try {
      const bytes = readFileSync(task.path);
      const result = await etl.extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), task.fileName);
      parentPort!.postMessage({ id: task.id, ok: true, result, readMs: performance.now() - started } satisfies ReadReply);
    } catch (error) {
      parentPort!.postMessage({ id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ReadReply);
    }
  }
  running = false;
}
