import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, formatNumber, getJson } from '../src/lib/api/http';

describe('getJson', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/ok') res.end(JSON.stringify({ files: 3 }));
      else if (req.url === '/bad') {
        res.statusCode = 400;
        res.end(JSON.stringify({ message: ['"year" phải là số nguyên', 'Thiếu "unit"'] }));
      } else {
        res.statusCode = 500;
        res.end('not json');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('returns the parsed body on success', async () => {
    expect(await getJson<{ files: number }>(`${base}/ok`)).toEqual({ files: 3 });
  });

  it('joins the server’s Vietnamese validation messages', async () => {
    await expect(getJson(`${base}/bad`)).rejects.toThrow('"year" phải là số nguyên; Thiếu "unit"');
  });

  it('says what happened when the body is not JSON', async () => {
    const error = await getJson(`${base}/boom`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect((error as ApiError).message).toBe('Máy chủ trả lỗi 500. Vui lòng thử lại.');
  });

  it('says the server cannot be reached when the connection fails', async () => {
    await expect(getJson('http://127.0.0.1:1/x')).rejects.toThrow('Không kết nối được máy chủ');
  });
});

describe('formatNumber', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(52.25, 1)).toBe('52,3');
    expect(formatNumber(null)).toBe('—');
  });
});
