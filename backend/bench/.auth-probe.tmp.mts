import { extract } from '@dvk/etl';
import { hostileCorpus } from '/work/main/sample-data/generate/hostile/corpus.ts';
const items = await hostileCorpus({ large: process.argv.includes('--large') });
for (const item of items) {
  const t0 = performance.now();
  const r = await extract(item.bytes, item.uploadName);
  const errs = r.issues.filter((i) => i.severity === 'error');
  console.log(item.file.padEnd(28), item.expect.padEnd(8), Math.round(performance.now() - t0) + 'ms', r.records.length, errs.map((e) => e.code + ': ' + e.message.slice(0, 110)).join(' | ') || '(no error) kind=' + r.kind, 'rss', Math.round(process.memoryUsage().rss / 1e6));
}
