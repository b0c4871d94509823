import type { EChartsOption } from 'echarts';
import { formatCount, formatPercent } from './format.js';
import type { Lang } from './labels.js';
import { PALETTE } from './palette.js';

/** Options every builder accepts. */
export interface ChartOpts {
  lang?: Lang;
  /** Chart title; the page may show its own heading and leave this out. */
  title?: string;
  subtitle?: string;
  /** Off for the server-side export and for tests (nothing to animate on paper). */
  animation?: boolean;
  /** Textures on bars and slices, for grey print (the export turns them on). */
  decals?: boolean;
}

/** A table of the numbers a chart shows, for the XLSX download and the export. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export const FONT = "'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif";

export function baseOption(opts: ChartOpts): EChartsOption {
  const option: EChartsOption = {
    animation: opts.animation ?? true,
    color: [...PALETTE],
    textStyle: { fontFamily: FONT, fontSize: 13 },
    // Screen readers get a generated description of the chart (AriaComponent).
    aria: { enabled: true },
  };
  if (opts.title) {
    option.title = {
      text: opts.title,
      subtext: opts.subtitle ?? '',
      left: 8,
      top: 4,
      textStyle: { fontSize: 16, fontWeight: 600 },
    };
  }
  return option;
}

/** Space above the plot for the title and the legend. */
export const topSpace = (opts: ChartOpts, legend: boolean): number => (opts.title ? (opts.subtitle ? 56 : 36) : 8) + (legend ? 32 : 0);

export const countFormatter = (lang: Lang) => (value: unknown): string =>
  typeof value === 'number' ? formatCount(value, lang) : '—';
export const percentFormatter = (lang: Lang) => (value: unknown): string =>
  typeof value === 'number' ? formatPercent(value, lang) : '—';

/** Two-language text, picked once per chart. */
export const t = (lang: Lang, vi: string, en: string): string => (lang === 'en' ? en : vi);

/** recognised ÷ registered, or null when nothing was registered (not 0 %: no data). */
export const rateOf = (recognized: number, registered: number): number | null =>
  registered > 0 ? recognized / registered : null;
