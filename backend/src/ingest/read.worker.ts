/**
 * A reader thread: reads a raw file from the store and runs the ETL's
 * extract() on it. It never touches the database; the main process loads
 * what it returns.
 */
import { extract } from '@dvk/etl';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { readEither } from './files-on-disk.js';
import { STARTED, UNCLAIMED, type ReaderData, type ReadReply, type ReadTask } from './read-task.js';

const { maxFileBytes } = workerData as ReaderData;

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
    // Taken back while it waited here: another thread reads it.
    if (Atomics.compareExchange(task.claim, 0, UNCLAIMED, STARTED) !== UNCLAIMED) continue;
    parentPort!.postMessage({ id: task.id, started: true } satisfies ReadReply);
    try {
      const bytes = task.bytes ?? readEither(task.path, task.fallback);
      const result = await extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), task.fileName, { maxBytes: maxFileBytes });
      // Serialised here, on this thread, and unpacked by the writer only when it writes the file: a
      // reading waiting for its turn is one buffer outside the main heap, not thousands of objects
      // the main thread's garbage collector would copy and promote while the writer is busy.
      const serialised = serialize(result);
      const packed = serialised.byteOffset === 0 && serialised.byteLength === serialised.buffer.byteLength ? serialised : new Uint8Array(serialised);
      parentPort!.postMessage({ id: task.id, ok: true, packed, records: result.records.length } satisfies ReadReply, [packed.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort!.postMessage({ id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ReadReply);
    }
  }
  running = false;
}
