/**
 * `node --import tsx --import ./backend/tools/decorator-metadata.mjs …`
 *
 * tsx compiles with esbuild, which does not emit TypeScript's decorator
 * metadata; without it NestJS's validation pipe cannot see DTO types, so
 * route parameters stay strings and query DTOs are not converted. Scripts
 * that run the backend from its sources (benchmarks, the load and export
 * CLIs) register this hook after tsx: it compiles the backend's own .ts files
 * with oxc (through rolldown, as vitest does) with legacy decorators and
 * their metadata, the way tsc builds dist/. tsx still resolves every import.
 */
import { register } from 'node:module';
import { decorate, decorateMetadata, decorateParam } from './decorator-helpers.mjs';

// The helpers oxc's output calls (its 'External' mode).
globalThis.babelHelpers ??= { decorate, decorateMetadata, decorateParam };

register('./decorator-metadata.hooks.mjs', import.meta.url);
