import { attempt } from './api/http';

/**
 * One page-local slot for data from the API: loading, value or a Vietnamese
 * error. A newer load wins over an older one still in flight, so quick
 * clicks on selectors never show stale numbers.
 */
export class Resource<T> {
  state = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  value = $state<T | null>(null);
  error = $state<string | null>(null);
  status = $state<number>(0);
  #seq = 0;

  async load(call: () => Promise<T>): Promise<void> {
    const seq = ++this.#seq;
    this.state = 'loading';
    this.error = null;
    const result = await attempt(call);
    if (seq !== this.#seq) return;
    if (result.ok) {
      this.value = result.value;
      this.state = 'ready';
    } else {
      this.error = result.error;
      this.status = result.status;
      this.state = 'error';
    }
  }
}
