/**
 * The three helpers oxc's compiled decorators call, written as tsc emits them
 * (__decorate, __metadata, __param). Used by decorator-metadata.mjs (as the
 * global `babelHelpers`) and by the API bench's bundle (as the modules
 * '@oxc-project/runtime/helpers/*', which are not installed here).
 */
export function decorate(decorators, target, key, desc) {
  const c = arguments.length;
  let r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc;
  if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function') r = Reflect.decorate(decorators, target, key, desc);
  else for (let i = decorators.length - 1; i >= 0; i--) {
    const d = decorators[i];
    if (d) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
  }
  if (c > 3 && r) Object.defineProperty(target, key, r);
  return r;
}

export function decorateMetadata(key, value) {
  if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(key, value);
  return () => undefined;
}

export function decorateParam(index, decorator) {
  return (target, key) => decorator(target, key, index);
}
