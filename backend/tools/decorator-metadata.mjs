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

// The helpers oxc's output calls (its 'External' mode), written as tsc emits them.
globalThis.babelHelpers ??= {
  decorate(decorators, target, key, desc) {
    const c = arguments.length;
    let r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function') r = Reflect.decorate(decorators, target, key, desc);
    else for (let i = decorators.length - 1; i >= 0; i--) {
      const d = decorators[i];
      if (d) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    }
    if (c > 3 && r) Object.defineProperty(target, key, r);
    return r;
  },
  decorateMetadata(key, value) {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(key, value);
    return () => undefined;
  },
  decorateParam(index, decorator) {
    return (target, key) => decorator(target, key, index);
  },
};

register('./decorator-metadata.hooks.mjs', import.meta.url);
