/**
 * npm run bench:export — the year-end pack for a province-sized subtree.
 * Prints seconds and peak RSS; the target is ≤ 5 s on the 2-core machine.
 */
import { performance } from 'node:perf_hooks';
import { buildExportZip } from '../src/export/writers/pack.js';
import { provincePack } from './province-pack.js';

const data = provincePack();
const started = performance.now();
const zip = await buildExportZip(data);
const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `bench:export  ${data.units.length} đơn vị, ${data.overview.registered} mô hình đăng ký, ${data.recognitions.length} công nhận, ${data.exemplars.length} điển hình`,
);
console.log(`  pack: ${(zip.byteLength / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(2)} s, peak RSS ${peakMb.toFixed(0)} MB (target ≤ 5 s)`);
if (seconds > 5) process.exitCode = 1;
