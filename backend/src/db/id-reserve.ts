import { sql, type Kysely, type Transaction } from 'kysely';

/** Ids reserved per draw: one statement per few thousand rows instead of one per table per transaction. */
const BLOCK = 4096;

type Executor = Kysely<never> | Transaction<never>;

/**
 * Ids drawn ahead from DuckDB sequences and handed out in memory, so the
 * writer pays one statement per block instead of one per table and
 * transaction. Rows still get their ids from the sequence their column's
 * default uses, so inserts that rely on the default never collide with them.
 *
 * DuckDB does not roll sequences back, but it persists a sequence's value
 * with the commit of the transaction that advanced it. Ids drawn in a
 * transaction that rolled back are therefore forgotten: after a crash, the
 * sequence could hand them out again.
 */
export class IdReserve {
  /** Per sequence, the ids not handed out yet: [next, end). */
  private readonly reserves = new Map<string, { next: number; end: number }>();

  async take(executor: Executor, sequence: string, count: number): Promise<number[]> {
    const ids: number[] = [];
    const reserve = this.reserves.get(sequence);
    while (reserve && ids.length < count && reserve.next < reserve.end) ids.push(reserve.next++);
    if (ids.length === count) return ids;
    const wanted = count - ids.length;
    const draw = Math.max(wanted, BLOCK);
    const drawn = await sql<{ lo: number; hi: number }>`
      select min(v) as lo, max(v) as hi from (select nextval(${sequence}) as v from range(${draw}))`.execute(executor);
    const { lo, hi } = drawn.rows[0]!;
    const first = Number(lo);
    // The writer's one connection is the only one that advances sequences, so a draw is one run of numbers.
    if (Number(hi) - first + 1 !== draw) throw new Error(`IdReserve: ${sequence} gave ${draw} ids that are not consecutive (${first}…${Number(hi)})`);
    for (let i = 0; i < wanted; i++) ids.push(first + i);
    this.reserves.set(sequence, { next: first + wanted, end: first + draw });
    return ids;
  }

  /** After a rollback: ids drawn in it may not survive a crash. */
  forget(): void {
    this.reserves.clear();
  }
}
