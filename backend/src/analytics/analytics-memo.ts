/**
 * Dashboard answers kept per data version: an answer is reused only while
 * the derived tables it was computed from (AnalyticsFacts.version) and the
 * plans (PlansService.revision) are unchanged, so it is never stale beyond
 * the facts' own freshness check. Least recently used entries go first.
 * DVK_ANALYTICS_MEMO=0 turns it off (the API bench measures both ways).
 */
export class AnalyticsMemo {
  private readonly entries = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(private readonly capacity = Number(process.env.DVK_ANALYTICS_MEMO_SIZE ?? 2000), private readonly enabled = process.env.DVK_ANALYTICS_MEMO !== '0') {}

  async get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
