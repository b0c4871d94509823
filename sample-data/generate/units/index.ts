/**
 * Writes the demo province's unit registry (sample-data/units/units.json):
 * Tỉnh Hải Đông, Huyện Kim Sơn until 30/06/2025, five communes merged into
 * three on 01/07/2025, and each commune's subordinate organisations
 * (sample-data/README.md). Deterministic: the same output on every run.
 *
 * Run: node --import tsx sample-data/generate/units/index.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Kinds of unit; the backend's registry accepts exactly these. */
export type UnitKind =
  | 'province' | 'district' | 'commune' | 'party_committee' | 'party_cell' | 'peoples_committee'
  | 'party_agency' | 'front' | 'mass_organisation' | 'police' | 'military' | 'school' | 'health' | 'enterprise' | 'village';
/** Levels: the administrative tier a unit belongs to. */
export type UnitLevel = 'province' | 'district' | 'commune' | 'grassroots';

export interface UnitSpec {
  /** Stable key within this file (ASCII), used by parent and lineage. */
  key: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** Other written forms seen in files (folding already covers case, diacritics, ĐU/UBND/MTTQ/CB). */
  aliases: string[];
}

export interface LineageSpec {
  predecessor: string;
  successor: string;
  effective_date: string;
  note: string;
}

export interface UnitRegistry {
  description: string;
  units: UnitSpec[];
  lineage: LineageSpec[];
}

const MERGER = '2025-07-01';
const BEFORE_END = '2025-06-30';

interface CommuneSpec {
  key: string;
  /** 'xã' or 'thị trấn' */
  type: 'xã' | 'thị trấn';
  place: string;
  villages: string[];
  schools: string[];
}

/** Communes before the merger (under Huyện Kim Sơn) and after it (under the province). */
// Village names are the ones the sample files use (sample-data/files); keep them in step.
const BEFORE: CommuneSpec[] = [
  { key: 'dong-la', type: 'xã', place: 'Đông La', villages: ['Đông', 'Đoài', 'Thượng', 'Hạ'], schools: ['THCS Đông La'] },
  { key: 'hoa-binh', type: 'xã', place: 'Hòa Bình', villages: ['Bình An', 'Bình Minh', 'Hòa Lạc'], schools: ['THCS Hòa Bình'] },
  { key: 'dong-lai', type: 'xã', place: 'Đông Lai', villages: ['Lai Đông', 'Cầu Gạch', 'Lai Xá', 'Lai Thành'], schools: ['THCS Đông Lai'] },
  { key: 'tan-phu', type: 'xã', place: 'Tân Phú', villages: ['Phú Thọ', 'Tân Hưng', 'Tân Phú 2', 'Phú Lộc'], schools: ['THCS Tân Phú'] },
  { key: 'tt-kim-son', type: 'thị trấn', place: 'Kim Sơn', villages: ['Văn Phú', 'Kim Thượng', 'Kim Hạ', 'Quyết Tiến'], schools: ['THCS Kim Sơn'] },
];
/** After the merger: villages carry over (a few renamed or added); each new commune has one merged lower-secondary school. */
const AFTER: { key: string; place: string; from: string[]; extraVillages: string[] }[] = [
  { key: 'dong-hoa', place: 'Đông Hòa', from: ['dong-la', 'hoa-binh'], extraVillages: ['Đông La 1'] },
  { key: 'tan-lai', place: 'Tân Lai', from: ['dong-lai', 'tan-phu'], extraVillages: [] },
  { key: 'kim-son', place: 'Kim Sơn', from: ['tt-kim-son'], extraVillages: ['Kim Sơn 1', 'Kim Sơn 2'] },
];

/** The organisations every commune has (README), by suffix of their key. */
interface OrgTemplate {
  suffix: string;
  kind: UnitKind;
  level: UnitLevel;
  /** 'commune' (parent is the commune) or 'party' (parent is the commune's Đảng ủy). */
  under: 'commune' | 'party';
  name: (c: string) => string;
  aliases: (c: string, place: string) => string[];
}

const ORGS: OrgTemplate[] = [
  { suffix: 'du', kind: 'party_committee', level: 'commune', under: 'commune', name: (c) => `Đảng ủy ${c}`, aliases: (c) => [`Đảng bộ ${c}`, `Ban Chấp hành Đảng bộ ${c}`, `Ban Thường vụ Đảng ủy ${c}`] },
  { suffix: 'ubnd', kind: 'peoples_committee', level: 'commune', under: 'commune', name: (c) => `Ủy ban nhân dân ${c}`, aliases: (c) => [`UBND ${c}`] },
  { suffix: 'mttq', kind: 'front', level: 'commune', under: 'commune', name: (c) => `Ủy ban Mặt trận Tổ quốc Việt Nam ${c}`, aliases: (c) => [`Ủy ban MTTQ Việt Nam ${c}`, `MTTQ ${c}`, `Mặt trận Tổ quốc ${c}`] },
  { suffix: 'hnd', kind: 'mass_organisation', level: 'commune', under: 'commune', name: (c) => `Hội Nông dân ${c}`, aliases: (c) => [`Hội ND ${c}`] },
  { suffix: 'hlhpn', kind: 'mass_organisation', level: 'commune', under: 'commune', name: (c) => `Hội Liên hiệp Phụ nữ ${c}`, aliases: (c) => [`Hội Phụ nữ ${c}`, `Hội LHPN ${c}`] },
  { suffix: 'dtn', kind: 'mass_organisation', level: 'commune', under: 'commune', name: (c) => `Đoàn Thanh niên ${c}`, aliases: (c) => [`Đoàn TNCS Hồ Chí Minh ${c}`, `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${c}`, `Đoàn TN ${c}`, `Đoàn ${c}`] },
  { suffix: 'hccb', kind: 'mass_organisation', level: 'commune', under: 'commune', name: (c) => `Hội Cựu chiến binh ${c}`, aliases: (c) => [`Hội CCB ${c}`] },
  { suffix: 'cbca', kind: 'police', level: 'grassroots', under: 'party', name: (c) => `Chi bộ Công an ${c}`, aliases: (c) => [`Công an ${c}`] },
  { suffix: 'cbqs', kind: 'military', level: 'grassroots', under: 'party', name: (c) => `Chi bộ Quân sự ${c}`, aliases: (c) => [`Ban Chỉ huy Quân sự ${c}`, `Quân sự ${c}`] },
  { suffix: 'cbyt', kind: 'health', level: 'grassroots', under: 'party', name: (c) => `Chi bộ Trạm Y tế ${c}`, aliases: (c) => [`Trạm Y tế ${c}`] },
];

function communeName(type: string, place: string): string {
  return `${type === 'xã' ? 'Xã' : 'Thị trấn'} ${place}`;
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function buildRegistry(): UnitRegistry {
  const units: UnitSpec[] = [];
  const lineage: LineageSpec[] = [];
  const add = (u: UnitSpec) => units.push(u);

  add({ key: 'tinh', name: 'Tỉnh Hải Đông', kind: 'province', level: 'province', parent: null, valid_from: null, valid_to: null, aliases: [] });
  add({ key: 'tinh-uy', name: 'Tỉnh ủy Hải Đông', kind: 'party_committee', level: 'province', parent: 'tinh', valid_from: null, valid_to: null, aliases: ['Đảng bộ tỉnh Hải Đông', 'Ban Thường vụ Tỉnh ủy Hải Đông'] });
  add({ key: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh Hải Đông', kind: 'peoples_committee', level: 'province', parent: 'tinh', valid_from: null, valid_to: null, aliases: [] });
  add({ key: 'huyen', name: 'Huyện Kim Sơn', kind: 'district', level: 'district', parent: 'tinh', valid_from: null, valid_to: BEFORE_END, aliases: [] });
  add({ key: 'huyen-uy', name: 'Huyện ủy Kim Sơn', kind: 'party_committee', level: 'district', parent: 'huyen', valid_from: null, valid_to: BEFORE_END, aliases: ['Đảng bộ huyện Kim Sơn', 'Ban Thường vụ Huyện ủy Kim Sơn'] });
  add({ key: 'bdv-huyen-uy', name: 'Ban Dân vận Huyện ủy Kim Sơn', kind: 'party_agency', level: 'district', parent: 'huyen-uy', valid_from: null, valid_to: BEFORE_END, aliases: ['BDV Huyện ủy Kim Sơn'] });
  add({ key: 'ca-tinh', name: 'Công an tỉnh Hải Đông', kind: 'police', level: 'province', parent: 'tinh', valid_from: null, valid_to: null, aliases: [] });
  add({ key: 'ubnd-huyen', name: 'Ủy ban nhân dân huyện Kim Sơn', kind: 'peoples_committee', level: 'district', parent: 'huyen', valid_from: null, valid_to: BEFORE_END, aliases: [] });

  const addCommune = (key: string, type: 'xã' | 'thị trấn', place: string, parent: string, from: string | null, to: string | null,
    villages: string[], schools: string[]) => {
    const commune = communeName(type, place);
    const c = `${type} ${place}`;
    add({ key, name: commune, kind: 'commune', level: 'commune', parent, valid_from: from, valid_to: to, aliases: [] });
    for (const org of ORGS) {
      add({
        key: `${key}-${org.suffix}`, name: org.name(c), kind: org.kind, level: org.level,
        parent: org.under === 'commune' ? key : `${key}-du`, valid_from: from, valid_to: to, aliases: org.aliases(c, place),
      });
    }
    for (const school of schools) {
      add({ key: `${key}-${slug(school)}`, name: `Chi bộ Trường ${school}`, kind: 'school', level: 'grassroots', parent: `${key}-du`,
        valid_from: from, valid_to: to, aliases: [`Trường ${school}`] });
    }
    for (const village of villages) {
      add({ key: `${key}-thon-${slug(village)}`, name: `Chi bộ thôn ${village}`, kind: 'party_cell', level: 'grassroots', parent: `${key}-du`,
        valid_from: from, valid_to: to, aliases: [`Thôn ${village}`, `Chi bộ ${village}`] });
    }
  };

  for (const c of BEFORE) addCommune(c.key, c.type, c.place, 'huyen', null, BEFORE_END, c.villages, c.schools);
  for (const a of AFTER) {
    const olds = a.from.map((k) => BEFORE.find((b) => b.key === k)!);
    const school = `THCS ${a.place}`;
    addCommune(a.key, 'xã', a.place, 'tinh', MERGER, null, [...olds.flatMap((o) => o.villages), ...a.extraVillages], [school]);
    const ubnd = units.find((u) => u.key === `${a.key}-ubnd`)!;
    ubnd.aliases.push(`Bộ phận một cửa UBND xã ${a.place}`, `Trung tâm Phục vụ hành chính công xã ${a.place}`);
    const note = `Sáp nhập ${olds.map((o) => communeName(o.type, o.place)).join(', ')} thành Xã ${a.place} (01/07/2025)`;
    for (const old of olds) {
      lineage.push({ predecessor: old.key, successor: a.key, effective_date: MERGER, note });
      for (const org of ORGS) lineage.push({ predecessor: `${old.key}-${org.suffix}`, successor: `${a.key}-${org.suffix}`, effective_date: MERGER, note });
      for (const old_school of old.schools) lineage.push({ predecessor: `${old.key}-${slug(old_school)}`, successor: `${a.key}-${slug(school)}`, effective_date: MERGER, note });
      for (const village of old.villages) {
        lineage.push({ predecessor: `${old.key}-thon-${slug(village)}`, successor: `${a.key}-thon-${slug(village)}`, effective_date: MERGER, note });
      }
    }
  }
  return {
    description:
      'Hệ thống đơn vị của tỉnh Hải Đông (giả định) trước và sau sắp xếp đơn vị hành chính 01/07/2025. ' +
      'kind: province, district, commune, party_committee, party_agency (ban của cấp ủy), party_cell, peoples_committee, front, mass_organisation, police, military, school, health, enterprise, village; ' +
      'level: province, district, commune, grassroots. Chi bộ trực thuộc có đơn vị cấp trên là Đảng ủy xã; các tổ chức khác thuộc xã.',
    units,
    lineage,
  };
}

export function writeUnits(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'units.json');
  writeFileSync(file, `${JSON.stringify(buildRegistry(), null, 2)}\n`);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../units');
  console.log(`Đã ghi ${writeUnits(out)}`);
}
