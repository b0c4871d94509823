/**
 * Vietnamese (and English) names for the codes the API and the ETL use.
 * Shared by the pages and by the server-side export, so a chart reads the same
 * on screen and on paper.
 */
export type Lang = 'vi' | 'en';

export type FieldCode = 'economy' | 'culture_society' | 'defense_security' | 'political_system';
export type StatusCode = 'new' | 'continued' | 'replicated' | 'dropped';
export type OwnerTypeCode = 'collective' | 'individual';
export type LevelCode = 'commune' | 'district' | 'province';

export const FIELD_CODES: readonly FieldCode[] = ['economy', 'culture_society', 'defense_security', 'political_system'];
export const STATUS_CODES: readonly StatusCode[] = ['new', 'continued', 'replicated', 'dropped'];
export const OWNER_TYPE_CODES: readonly OwnerTypeCode[] = ['collective', 'individual'];
export const LEVEL_CODES: readonly LevelCode[] = ['commune', 'district', 'province'];

type Dict = Record<string, { vi: string; en: string }>;

const FIELDS: Dict = {
  economy: { vi: 'Kinh tế', en: 'Economy' },
  culture_society: { vi: 'Văn hóa - xã hội', en: 'Culture & society' },
  defense_security: { vi: 'Quốc phòng - an ninh, dân tộc - tôn giáo', en: 'Defence, security, ethnicity & religion' },
  political_system: { vi: 'Xây dựng hệ thống chính trị', en: 'Political system' },
};
/** Short names for axes, where the full name would not fit under a bar. */
const FIELDS_SHORT: Dict = {
  economy: { vi: 'Kinh tế', en: 'Economy' },
  culture_society: { vi: 'VH - XH', en: 'Culture' },
  defense_security: { vi: 'QP - AN', en: 'Security' },
  political_system: { vi: 'XD HTCT', en: 'Political' },
};
const STATUSES: Dict = {
  new: { vi: 'Mới', en: 'New' },
  continued: { vi: 'Duy trì', en: 'Continued' },
  replicated: { vi: 'Nhân rộng', en: 'Replicated' },
  dropped: { vi: 'Loại bỏ', en: 'Dropped' },
};
const OWNER_TYPES: Dict = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
};
const LEVELS: Dict = {
  commune: { vi: 'Cấp xã', en: 'Commune' },
  district: { vi: 'Cấp huyện', en: 'District' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
};
const UNKNOWN = { vi: 'Chưa rõ', en: 'Unknown' };

const pick = (dict: Dict, code: string | null | undefined, lang: Lang): string => (code && dict[code] ? dict[code][lang] : UNKNOWN[lang]);

export const fieldLabel = (code: string | null | undefined, lang: Lang = 'vi', short = false): string =>
  pick(short ? FIELDS_SHORT : FIELDS, code, lang);
export const statusLabel = (code: string | null | undefined, lang: Lang = 'vi'): string => pick(STATUSES, code, lang);
export const ownerTypeLabel = (code: string | null | undefined, lang: Lang = 'vi'): string => pick(OWNER_TYPES, code, lang);
export const levelLabel = (code: string | null | undefined, lang: Lang = 'vi'): string => pick(LEVELS, code, lang);
