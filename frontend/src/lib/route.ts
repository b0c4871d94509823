/**
 * Routes as data: the hash (`#/mo-hinh?q=hoa+giai&page=2`) is parsed into a
 * page name, an id and a query, and written back the same way, so a link
 * reproduces the view. Pure functions; router.svelte.ts keeps the current one.
 */
export type PageName = 'overview' | 'unit' | 'models' | 'model' | 'upload' | 'review' | 'audit' | 'not_found';

export interface Route {
  page: PageName;
  id: number | null;
  query: Record<string, string>;
}

const PATHS: Record<Exclude<PageName, 'not_found'>, string> = {
  overview: '/',
  unit: '/don-vi',
  models: '/mo-hinh',
  model: '/mo-hinh',
  upload: '/tai-len',
  review: '/duyet',
  audit: '/nhat-ky',
};

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?', 2);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(queryPart)) if (v !== '') query[k] = v;
  const parts = pathPart.split('/').filter(Boolean);
  const id = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? Number(parts[1]) : null;
  if (parts.length === 0 || parts[0] === 'tong-quan') return { page: 'overview', id: null, query };
  if (parts.length > 2 || (parts[1] !== undefined && id === null)) return { page: 'not_found', id: null, query };
  switch (parts[0]) {
    case 'don-vi':
      return id === null ? { page: 'not_found', id: null, query } : { page: 'unit', id, query };
    case 'mo-hinh':
      return { page: id === null ? 'models' : 'model', id, query };
    case 'tai-len':
      return { page: 'upload', id: null, query };
    case 'duyet':
      return { page: 'review', id: null, query };
    case 'nhat-ky':
      return { page: 'audit', id: null, query };
    default:
      return { page: 'not_found', id: null, query };
  }
}

export type QueryInput = Record<string, string | number | boolean | null | undefined>;

/** `#/mo-hinh/12?year=2026`; empty values are left out, keys sorted so equal views give equal links. */
export function hrefOf(page: Exclude<PageName, 'not_found'>, id: number | null = null, query: QueryInput = {}): string {
  const path = PATHS[page] + (id !== null && page !== 'overview' ? `/${id}` : '');
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const v = query[key];
    if (v === null || v === undefined || v === '' || v === false) continue;
    params.set(key, String(v));
  }
  const s = params.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export const routeHref = (r: Route): string => (r.page === 'not_found' ? '#/' : hrefOf(r.page, r.id, r.query));

/** A query value as a positive integer, or null. */
export function intParam(query: Record<string, string>, key: string): number | null {
  const v = query[key];
  if (v === undefined || !/^\d+$/.test(v)) return null;
  return Number(v);
}
