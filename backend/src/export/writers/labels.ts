/**
 * Vietnamese names of the codes, as the documents print them. Chart labels
 * come from the dashboard's builders (@dvk/frontend/charts); these are the
 * longer forms a table column or a report sentence needs.
 */
import type { FieldCode, LevelCode, OwnerTypeCode, StatusCode } from '../export-data.js';

export const FIELD_NAMES: Record<FieldCode, string> = {
  economy: 'Kinh tế',
  culture_society: 'Văn hóa - xã hội',
  defense_security: 'Quốc phòng - an ninh, dân tộc - tôn giáo',
  political_system: 'Xây dựng hệ thống chính trị',
};

export const STATUS_NAMES: Record<StatusCode, string> = {
  new: 'Mới',
  continued: 'Duy trì',
  replicated: 'Nhân rộng',
  dropped: 'Loại bỏ',
};

/** Level of a recognition, as the lists write it ("Cấp xã"). */
export const LEVEL_NAMES: Record<LevelCode, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export const OWNER_TYPE_NAMES: Record<OwnerTypeCode, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

export const fieldName = (code: FieldCode | null): string => (code ? FIELD_NAMES[code] : '');
export const levelName = (code: LevelCode | null): string => (code ? LEVEL_NAMES[code] : '');
