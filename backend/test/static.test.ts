import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config/app-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const dist = path.join(REPO_ROOT, 'frontend/dist');

describe('the dashboard on the same port as the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'index.html'))) {
      execFileSync('npm', ['run', 'build', '-w', 'frontend'], { cwd: REPO_ROOT, stdio: 'ignore' });
    }
    t = await startTestApp({ staticDir: dist });
  });
  afterAll(() => t.close());

  it('serves the built page at / in Vietnamese, with its script', async () => {
    const response = await t.fetch(`/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await t.fetch(`${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('keeps /api paths for the API, not the page', async () => {
    const response = await t.fetch(`/api/health`);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
  });
});
