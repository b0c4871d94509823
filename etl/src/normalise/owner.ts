/**
 * Who owns a model or is an exemplar: a collective (tập thể: chi bộ, hội,
 * trường, thôn …) or an individual (cá nhân: a person's name).
 */
import type { OwnerType } from '../contract.js';
import { fold, lowerKey, nfc } from '../text/vietnamese.js';

const HONORIFIC = /^(?:đồng\s+chí|đ\/c|đ\.c\.?|đc|ông|bà|anh|chị|cô|thầy|cụ|ô\.|b\.)(?:\s*[:.]\s*|\s+)(?=\S)/iu;

/** Drops a leading "Đồng chí", "Đ/c", "Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "Cụ". */
export function stripHonorific(name: string): string {
  if (typeof name !== 'string') return '';
  const t = nfc(name);
  return t.replace(HONORIFIC, '').trim();
}

// Organisation words that start a collective's name (lower case, new-style tones).
const COLLECTIVE_PREFIXES = [
  'chi bộ', 'cb', 'đảng ủy', 'đảng bộ', 'đu', 'đb', 'hội', 'chi hội', 'đoàn thanh niên', 'đoàn tn', 'đoàn xã',
  'đoàn phường', 'đoàn trường', 'đoàn cơ sở', 'chi đoàn', 'liên đoàn', 'công đoàn', 'ubnd', 'ủy ban', 'mttq',
  'mặt trận', 'ban', 'công an', 'trường', 'trạm', 'trung tâm', 'hợp tác xã', 'htx', 'tổ', 'thôn', 'xóm', 'ấp',
  'bản', 'làng', 'khu dân cư', 'kdc', 'khu phố', 'khối', 'câu lạc bộ', 'clb', 'công ty', 'cty', 'ctcp',
  'doanh nghiệp', 'phòng', 'bộ phận', 'văn phòng', 'quân sự', 'đồn', 'đội', 'nhóm', 'cụm', 'giáo xứ', 'giáo họ',
  'chùa', 'hđnd', 'hội đồng', 'ngân hàng', 'bưu điện', 'xí nghiệp', 'nhà máy', 'bệnh viện', 'chi cục', 'kho bạc',
  'các', 'tập thể', 'lớp', 'khoa', 'xã', 'phường', 'thị trấn', 'cơ quan', 'đơn vị', 'lực lượng', 'gia đình',
  'dòng họ', 'tổ dân phố', 'tdp', 'vkh', 'ủy ban kiểm tra', 'hđnd', 'quỹ', 'nhà văn hóa', 'tòa án', 'viện kiểm sát',
];
const COLLECTIVE_PREFIX = new RegExp(`^(?:${COLLECTIVE_PREFIXES.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?=$|[\\s.,:;/-])`, 'u');

/** Words that are never part of a person's name here (given names like "An", "Bình", "Công" are). */
const ORG_WORDS = new Set([
  'xã', 'phường', 'thôn', 'xóm', 'bản', 'hội', 'trường', 'chi', 'bộ', 'đảng', 'ủy', 'ban', 'niên', 'huyện', 'tỉnh',
  'trấn', 'trận', 'cựu', 'tổ', 'phố', 'khu', 'đội', 'đồn', 'trạm', 'ubnd', 'mttq',
]);

// Common Vietnamese family names (họ), with their diacritics: "Tô" is a family name, "Tổ" is not.
const SURNAMES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đoàn tô trịnh đinh lâm mai lương hà ' +
    'cao đào quách chu tạ vương thái kiều lưu triệu phùng nông lò tăng la từ trương diệp giang khổng kim lục mạc ' +
    'ninh tống thân nghiêm lại vi hứa âu lăng danh thạch sơn quan ông khuất khúc tiêu bạch cù điêu hầu liêu lữ ' +
    'mông sầm văn vưu yên tôn nhữ đàm hồng giáp nhâm châu mã bế hà lã lò lự mè quàng sùng thào vàng giàng hờ ' +
    'ksor nie rmah siu kpă rơ bùi đồng đậu đoàn cấn chế doãn khương lạc lều phí phó tào trình ứng'
  ).split(' '),
);
const FOLDED_SURNAMES = new Set([...SURNAMES].map((n) => fold(n)));

/** 2–5 capitalised words, the first a common family name, none an organisation word. */
function looksLikePersonName(s: string): boolean {
  const words = s.split(' ').filter((w) => w !== '');
  if (words.length < 2 || words.length > 5) return false;
  const allCaps = s === s.toUpperCase();
  for (const w of words) {
    if (!/^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w) && !(allCaps && /^\p{Lu}[\p{Lu}\p{M}]*$/u.test(w))) return false;
    if (w.length > 8) return false;
  }
  const lower = words.map((w) => lowerKey(w));
  if (lower.slice(1).some((w) => ORG_WORDS.has(w))) return false;
  // "Đoàn Thanh niên" is an organisation; "Đoàn Văn Hậu" a person.
  if (/^đoàn thanh niên/u.test(lower.join(' '))) return false;
  const first = lower[0] ?? '';
  // Typed without diacritics ("NGUYEN VAN AN"): compare folded.
  return SURNAMES.has(first) || (first === fold(first) && FOLDED_SURNAMES.has(first));
}

/**
 * Collective for organisation names ("Chi bộ thôn Đông", "ĐU xã", "Hội Nông dân",
 * "Trường THCS …"), individual for a person's name (optionally with an
 * honorific), null when unsure.
 */
export function ownerTypeFromName(name: string | null | undefined): OwnerType | null {
  if (typeof name !== 'string') return null;
  let t = nfc(name).replace(/^(?:\d{1,3}|[a-zđ]|[ivx]{1,4})[.)]\s+/iu, '');
  if (t === '') return null;
  const hadHonorific = HONORIFIC.test(t);
  if (hadHonorific) {
    t = t.replace(HONORIFIC, '');
    // "Đồng chí Nguyễn Văn An, Bí thư Chi bộ": the person comes first.
    return /^\p{Lu}/u.test(t) ? 'individual' : null;
  }
  // The person part comes before a position or unit: "Nguyễn Văn An - Bí thư chi bộ".
  const head = t.split(/\s*[,;(–—]\s*|\s+-\s+/u)[0] ?? t;
  if (looksLikePersonName(head)) return 'individual';
  const lower = lowerKey(t);
  if (COLLECTIVE_PREFIX.test(lower)) return 'collective';
  const f = fold(t);
  // Without diacritics: the unambiguous abbreviations and full names.
  if (/^(?:chi bo|dang uy|dang bo|ubnd|uy ban|mttq|mat tran|hoi |htx|hop tac xa|clb|cau lac bo|cong ty|cong an|truong |tram |trung tam|khu dan cu|thon )/.test(`${f} `)) {
    return 'collective';
  }
  return null;
}

/** Section rows and columns: "Tập thể"/"TT" → collective, "Cá nhân"/"CN" → individual. */
export function ownerTypeFromText(text: string | null | undefined): OwnerType | null {
  if (typeof text !== 'string') return null;
  const f = fold(text)
    .replace(/^(?:phan |muc )?(?:[ivx]{1,4}|\d{1,2}|[a-d])(?= )\s*/, '')
    .replace(/\s*\d+\s*$/, '');
  if (f === '' || f.split(' ').length > 8) return null;
  const collective = /(?:^| )(?:tap the|tt)(?: |$)/.test(f);
  const individual = /(?:^| )(?:ca nhan|cn)(?: |$)/.test(f);
  if (collective === individual) return null;
  return collective ? 'collective' : 'individual';
}
