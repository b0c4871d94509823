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

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  } catch {
    throw new ApiError(0, 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string | string[] } | null;
    const message = Array.isArray(body?.message) ? body.message.join('; ') : body?.message;
    throw new ApiError(response.status, message ?? `Máy chủ trả lỗi ${response.status}. Vui lòng thử lại.`);
  }
  return (await response.json()) as T;
}

/** Numbers as Vietnamese readers write them: 1.234,5 */
export const formatNumber = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value);
