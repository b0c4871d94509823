/**
 * Tells readers of derived data (analytics tables, memos) that the records
 * changed, so the next answer is computed from the new data instead of from
 * tables that are at most a second old. Database.transaction() calls `changed()`
 * after every commit; writers need not know who listens.
 */
export class DataChanges {
  private readonly listeners: (() => void)[] = [];

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
