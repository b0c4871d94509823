import { parseArgs } from 'node:util';
import path from 'node:path';
import { createApp } from './app.js';
import { AuthService, DEMO_USERS } from './auth/auth.service.js';
import { loadConfig, REPO_ROOT } from './config/app-config.js';
import { SeedService } from './ingest/seed.service.js';
import { PlanSeedService } from './plans/plan-seed.service.js';

if (process.argv[2] === 'load') {
  // `main.js load FILE|DIR... [--db PATH]`: the archive loader (backend/src/ingest/load.cli.ts).
  const { runLoadCli } = await import('./ingest/load.cli.js');
  process.exitCode = await runLoadCli(process.argv.slice(3));
} else if (process.argv[2] === 'create-admin') {
  // `main.js create-admin --username NAME`: the first admin, while the server is stopped (backend/src/auth/cli.ts).
  const { runCreateAdmin } = await import('./auth/cli.js');
  process.exitCode = await runCreateAdmin(process.argv.slice(3), loadConfig(process.env));
} else {
  const { values } = parseArgs({ options: { seed: { type: 'string' } }, allowPositionals: false });
  const config = loadConfig(process.env, values.seed ? { seedDir: path.resolve(REPO_ROOT, values.seed) } : {});
  const app = await createApp(config);
  await app.init();
  if (config.seedDir) await app.get(SeedService).seedOnce(config.seedDir);
  // The seeds' plans (sample-data/plans beside sample-data/files), once, after the units they name.
  if (config.seedDir) await app.get(PlanSeedService).seedOnce(path.join(path.dirname(config.seedDir), 'plans'));
  // Demo accounts for the sample province (README), once, after the units they belong to.
  if (config.seedDir) {
    const created = await app.get(AuthService).seedDemoUsers();
    if (created.length > 0) console.log(`Tài khoản mẫu: ${DEMO_USERS.map((u) => `${u.username} / ${u.password}`).join(', ')}`);
  }
  await app.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`\nDân vận khéo đang chạy: http://${shown}:${config.port}  (API: /api/docs)\n`);
}
