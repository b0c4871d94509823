/** Every spreadsheet sample (xlsx, xls, csv, broken), in a stable order. */
import type { Sample } from '../lib/sample.js';
import { brokenSamples } from './broken.js';
import { csvSamples } from './csv.js';
import { listSamples } from './lists.js';
import { registrationSamples } from './registration.js';

export async function spreadsheetSamples(): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const make of registrationSamples) out.push(await make());
  for (const make of listSamples) out.push(await make());
  for (const make of csvSamples) out.push(make());
  out.push(...(await brokenSamples()));
  return out;
}
