/**
 * Colours chosen by grey value first: neighbours differ by at least 30 levels
 * of luminance (0..255), so bars and slices stay apart on a grey printer and
 * projector. Decals add a texture per colour where print matters most.
 */
export const PALETTE = ['#1a2f5a', '#b03a2e', '#3f9b8a', '#f2b632', '#e3ecf7', '#6b4c9a'] as const;

/** Text colour that stays readable on each palette colour. */
export const CONTRAST_TEXT = ['#fff', '#fff', '#fff', '#1d2330', '#1d2330', '#fff'] as const;

/** Rec. 601 luma, the grey a printer or a greyscale screen gives. */
export function greyOf(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

export interface Decal {
  symbol: string;
  symbolSize: number;
  dashArrayX: number | number[] | number[][];
  dashArrayY: number | number[];
  rotation: number;
  color: string;
}

/** One texture per palette slot; the first is plain (solid) on purpose. */
export const DECALS: readonly (Decal | undefined)[] = [
  undefined,
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.45)' },
  { symbol: 'circle', symbolSize: 0.8, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0], rotation: 0, color: 'rgba(255,255,255,0.5)' },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: 'rgba(0,0,0,0.3)' },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [[1, 4]], dashArrayY: [1, 4], rotation: 0, color: 'rgba(0,0,0,0.35)' },
  { symbol: 'triangle', symbolSize: 0.8, dashArrayX: [[8, 8], [0, 8, 8, 0]], dashArrayY: [8, 0], rotation: 0, color: 'rgba(255,255,255,0.5)' },
];

export const colorAt = (i: number): string => PALETTE[i % PALETTE.length]!;
export const decalAt = (i: number): Decal | undefined => DECALS[i % DECALS.length];
