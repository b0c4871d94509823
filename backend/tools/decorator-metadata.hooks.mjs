import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/utils';

const SOURCES = new URL('../src/', import.meta.url).href;

/** The backend's own TypeScript, compiled with decorator metadata; everything else goes on to tsx. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith(SOURCES) || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const result = transformSync(path, await readFile(path, 'utf8'), {
    lang: 'ts',
    sourceType: 'module',
    target: 'es2022',
    decorator: { legacy: true, emitDecoratorMetadata: true },
    sourcemap: true,
    helpers: { mode: 'External' },
  });
  if (result.errors.length > 0) throw new Error(`${path}: ${result.errors.map((e) => e.message).join('; ')}`);
  const map = result.map ? `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(result.map)).toString('base64')}` : '';
  return { format: 'module', source: result.code + map, shortCircuit: true };
}
