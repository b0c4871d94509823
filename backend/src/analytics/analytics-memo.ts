/**
 * Dashboard answers kept while what they were computed from is unchanged:
 * the plans and the day (`version`), and the data of the unit's subtree. An
 * answer computed at data version d about unit u is reused at a later data
 * version as long as no refresh since touched u's subtree
 * (AnalyticsFacts.unchangedSince): an upload from one commune leaves the
 * answers about every other commune and province in place. Least recently
 * used entries go first. DVK_ANALYTICS_MEMO=0 turns it off (the API bench
 * measures both ways).
 */
export class AnalyticsMemo {
  private readonly entries = new Map<string, { version: string; data: number; value: Promise<unknown> }>();

  constructor(private readonly capacity = Number(process.env.DVK_ANALYTICS_MEMO_SIZE ?? 2000), private readonly enabled = process.env.DVK_ANALYTICS_MEMO !== '0') {}

  /**
   * @param data the derived tables' version now
   * @param unchanged whether the answer's data is the same now as at an earlier version
   */
  async get<T>(key: string, version: string, data: number, unchanged: (since: number) => boolean, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && (hit.data === data || unchanged(hit.data))) {
      this.entries.delete(key);
      this.entries.set(key, { ...hit, data });
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { version, data, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
