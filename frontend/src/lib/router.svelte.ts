import { hrefOf, parseHash, type PageName, type QueryInput, type Route } from './route';

/** The current route, from location.hash; UI state only. */
class Router {
  current = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.current = parseHash(location.hash);
      });
    }
  }

  go(page: Exclude<PageName, 'not_found'>, id: number | null = null, query: QueryInput = {}, replace = false): void {
    const href = hrefOf(page, id, query);
    if (replace) {
      history.replaceState(history.state, '', href);
      this.current = parseHash(href);
    } else {
      location.hash = href;
      // hashchange follows, but update now so the page reacts in the same tick.
      this.current = parseHash(href);
    }
  }

  /** Changes some query values of the current page (null removes one). */
  patch(changes: QueryInput, replace = false): void {
    const r = this.current;
    if (r.page === 'not_found') return;
    this.go(r.page, r.id, { ...r.query, ...changes }, replace);
  }
}

export const router = new Router();
