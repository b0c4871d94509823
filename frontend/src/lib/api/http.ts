/**
 * The one place that calls the API and turns failures into Vietnamese
 * messages, so components never repeat fetch-and-handle-error code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The session's CSRF token, echoed on every unsafe request (double submit; the cookie is readable on purpose). */
export function csrfToken(): string | null {
  if (typeof document === 'undefined') return null;
  const m = /(?:^|;\s*)dvk_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** Fired when the server says the session is missing or over, so the shell can show the login form. */
export const UNAUTHORIZED_EVENT = 'dvk:unauthorized';
function signalUnauthorized(status: number): void {
  if (status === 401 && typeof window !== 'undefined') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
}

const OFFLINE = 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';

/** Messages for statuses whose server text may be English or missing. */
function messageFor(status: number, serverMessage: string | undefined): string {
  // Express's own 404 for a route that does not exist is English; say it plainly instead.
  if (status === 404 && serverMessage && /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(serverMessage)) {
    return 'Máy chủ chưa có chức năng này (phiên bản máy chủ cũ hơn giao diện). Hãy báo quản trị viên cập nhật.';
  }
  if (serverMessage) return serverMessage;
  if (status === 401) return 'Phiên đăng nhập đã hết hoặc chưa đăng nhập. Hãy đăng nhập lại.';
  if (status === 403) return 'Tài khoản của bạn không có quyền xem hoặc sửa mục này.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu (404). Có thể đường dẫn đã cũ; hãy quay lại trang Tổng quan.';
  if (status === 413) return 'Tệp quá lớn so với giới hạn của máy chủ (413). Hãy tách thành nhiều tệp nhỏ hơn.';
  return `Máy chủ trả lỗi ${status}. Vui lòng thử lại.`;
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { message?: string | string[] } | null;
  const message = Array.isArray(body?.message) ? body.message.join('; ') : body?.message;
  return new ApiError(response.status, messageFor(response.status, message));
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const method = (init?.method ?? 'GET').toUpperCase();
  const csrf = method === 'GET' || method === 'HEAD' ? null : csrfToken();
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}), ...init?.headers },
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, OFFLINE);
  }
  if (!response.ok) {
    signalUnauthorized(response.status);
    throw await failure(response);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** POST/PUT/PATCH a JSON body; same error handling as getJson. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return getJson<T>(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` + `?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Multipart upload with progress (fetch cannot report upload progress, XHR can).
 * `onProgress` gets bytes sent and total.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress?: (sent: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
    xhr.onerror = () => reject(new ApiError(0, OFFLINE));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        signalUnauthorized(xhr.status);
        const m = (body as { message?: string | string[] } | null)?.message;
        reject(new ApiError(xhr.status, messageFor(xhr.status, Array.isArray(m) ? m.join('; ') : m)));
      }
    };
    xhr.send(form);
  });
}

/** Runs a call and hands back either its value or the Vietnamese message, for pages' load states. */
export async function attempt<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string; status: number }> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.message, status: e.status };
    return { ok: false, error: `Lỗi không mong đợi: ${(e as Error).message}. Hãy tải lại trang.`, status: -1 };
  }
}

/** Numbers as Vietnamese readers write them: 1.234,5 */
export const formatNumber = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value);

/** Dates as dd/mm/yyyy; partial ISO dates ("2026-03", "2026") stay partial. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (d) return `${d}/${mo}/${y}`;
  if (mo) return `${mo}/${y}`;
  return y!;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short' }).format(d);
}
