/**
 * Administrative level of a recognition or unit: commune, district, province.
 * "Cấp thành phố" depends on the year (DOMAIN.md, "Administrative levels"):
 * until 2024 a provincial city was district level; from July 2025 there are
 * no districts and a "Thành ủy" a commune reports to is the province-level city.
 */
import type { Level } from '../contract.js';
import { fold, lowerKey } from '../text/vietnamese.js';

/** The centrally-run cities are province level in every year. */
const CENTRAL_CITIES = /(?:ha noi|ho chi minh|hcm|hai phong|da nang|can tho|hue)\b/;

interface Hit {
  index: number;
  level: Level | 'city';
}

type Patterns = [RegExp, Level | 'city'][];

// With diacritics ("tính" is not "tỉnh", "quận" is not "quân"); the earliest
// mention decides ("Đảng ủy xã A, huyện B" is a commune's).
const PATTERNS: Patterns = [
  [/(?:^| )(?:cấp )?(?:thành phố|thành ủy|tp)(?= |$)/u, 'city'],
  [/(?:^| )(?:cấp )?(?:tỉnh|tỉnh ủy)(?= |$)/u, 'province'],
  [/(?:^| )cấp trung ương(?= |$)/u, 'province'],
  [/(?:^| )(?:cấp )?(?:huyện|huyện ủy|thị xã|thị ủy|quận|quận ủy|tx)(?= |$)/u, 'district'],
  [/(?:^| )(?:cấp )?(?:xã|phường|thị trấn|cơ sở|đặc khu)(?= |$)/u, 'commune'],
];
// For text typed without diacritics ("cap xa").
const FOLDED_PATTERNS: Patterns = [
  [/(?:^| )(?:cap )?(?:thanh pho|thanh uy|tp)(?= |$)/, 'city'],
  [/(?:^| )(?:cap )?(?:tinh|tinh uy)(?= |$)/, 'province'],
  [/(?:^| )cap trung uong(?= |$)/, 'province'],
  [/(?:^| )(?:cap )?(?:huyen|huyen uy|thi xa|thi uy|tx)(?= |$)/, 'district'],
  [/(?:^| )(?:cap )?(?:xa|phuong|thi tran|co so|dac khu)(?= |$)/, 'commune'],
];

function firstHit(key: string, patterns: Patterns): Hit | null {
  let best: Hit | null = null;
  for (const [re, level] of patterns) {
    const m = re.exec(key);
    if (!m) continue;
    const index = m.index + (m[0].startsWith(' ') ? 1 : 0);
    // "thị xã" contains "xã": the district pattern wins at the same place.
    if (level === 'commune' && /(?:^| )(?:thị|thi) $/u.test(key.slice(0, index))) continue;
    if (best === null || index < best.index) best = { index, level };
  }
  return best;
}

/**
 * "cấp xã", "cấp cơ sở", "phường" → commune; "cấp huyện", "thị xã", "quận" →
 * district; "cấp tỉnh", "Tỉnh ủy" → province; "cấp thành phố", "Thành ủy" →
 * district for year ≤ 2024, province for year ≥ 2026; in 2025 district unless
 * the text says the city is a centrally-run one or is "sau hợp nhất"; with no
 * year, null unless the city is centrally run. Null when no level is named.
 */
export function parseLevel(text: string | null | undefined, year?: number | null): Level | null {
  if (typeof text !== 'string') return null;
  const folded = fold(text);
  if (folded === '') return null;
  const key = lowerKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const hit = key === folded ? firstHit(folded, FOLDED_PATTERNS) : firstHit(key, PATTERNS);
  if (hit === null) return null;
  if (hit.level !== 'city') return hit.level;
  if (CENTRAL_CITIES.test(folded) || /truc thuoc trung uong/.test(folded)) return 'province';
  if (typeof year !== 'number' || !Number.isFinite(year)) return null;
  if (year >= 2026) return 'province';
  if (year <= 2024) return 'district';
  return /sau (?:hop nhat|sap nhap|sap xep)|hai cap|2 cap/.test(folded) ? 'province' : 'district';
}
