/** Numbers as Vietnamese readers write them (1.234,5; 52,3%), English as a switch. */
import type { Lang } from './labels.js';

const locale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'vi-VN');

export function formatCount(value: number | null | undefined, lang: Lang = 'vi', digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/** A ratio 0..1 as a percentage with one decimal at most ("52,3%"). */
export function formatPercent(ratio: number | null | undefined, lang: Lang = 'vi'): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
