/** Vietnamese names of the registry's unit kinds and levels (sample-data/units/units.json). */
const KINDS: Record<string, [string, string]> = {
  province: ['Tỉnh, thành phố', 'Province'],
  district: ['Huyện, thị xã', 'District'],
  commune: ['Xã, phường', 'Commune'],
  party_committee: ['Cấp ủy đảng', 'Party committee'],
  party_agency: ['Ban của cấp ủy', 'Party agency'],
  party_cell: ['Chi bộ', 'Party cell'],
  peoples_committee: ['Ủy ban nhân dân', 'People’s Committee'],
  front: ['Mặt trận Tổ quốc', 'Fatherland Front'],
  mass_organisation: ['Đoàn thể chính trị - xã hội', 'Mass organisation'],
  police: ['Công an', 'Police'],
  military: ['Quân sự', 'Military'],
  school: ['Trường học', 'School'],
  health: ['Y tế', 'Health'],
  enterprise: ['Doanh nghiệp', 'Enterprise'],
  village: ['Thôn, tổ dân phố', 'Village'],
};
const LEVELS: Record<string, [string, string]> = {
  province: ['cấp tỉnh', 'province level'],
  district: ['cấp huyện', 'district level'],
  commune: ['cấp xã', 'commune level'],
  grassroots: ['cơ sở', 'grassroots'],
};

export const unitKindLabel = (kind: string, lang: 'vi' | 'en' = 'vi'): string => KINDS[kind]?.[lang === 'en' ? 1 : 0] ?? kind;
export const unitLevelLabel = (level: string, lang: 'vi' | 'en' = 'vi'): string => LEVELS[level]?.[lang === 'en' ? 1 : 0] ?? level;
