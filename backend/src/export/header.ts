import type { ExportMeta } from './export-data.js';

/**
 * The header block's wording for a unit, in the seeds' conventions: the
 * issuing party committee ("ĐẢNG ỦY XÃ ĐÔNG HÒA", "TỈNH ỦY HẢI ĐÔNG") under
 * the party organisation above it ("ĐẢNG BỘ TỈNH HẢI ĐÔNG"), and the place
 * written before the date.
 */

export interface UnitLike {
  name: string;
  kind: string;
}

const ADMIN_KINDS = new Set(['province', 'district', 'commune']);
const PREFIX = /^(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+/iu;

/** "Xã Đông Hòa" → "Đông Hòa". */
export const placeName = (name: string): string => name.normalize('NFC').replace(PREFIX, '').trim();

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

/** The party committee of an administrative unit: "Tỉnh ủy Hải Đông", "Huyện ủy Kim Sơn", "Đảng ủy xã Đông Hòa". */
export function committeeOf(unit: UnitLike): string {
  const name = unit.name.normalize('NFC');
  const prefix = PREFIX.exec(name)?.[1]?.toLocaleLowerCase('vi-VN') ?? '';
  const place = placeName(name);
  if (unit.kind === 'province') return prefix === 'thành phố' ? `Thành ủy ${place}` : `Tỉnh ủy ${place}`;
  if (unit.kind === 'district') {
    if (prefix === 'thị xã') return `Thị ủy ${place}`;
    if (prefix === 'quận') return `Quận ủy ${place}`;
    if (prefix === 'thành phố') return `Thành ủy ${place}`;
    return `Huyện ủy ${place}`;
  }
  return `Đảng ủy ${lowerFirst(name)}`;
}

/** The party organisation of an administrative unit: "Đảng bộ tỉnh Hải Đông". */
export function partyOrganisationOf(unit: UnitLike): string {
  return ADMIN_KINDS.has(unit.kind) ? `Đảng bộ ${lowerFirst(unit.name.normalize('NFC'))}` : unit.name.normalize('NFC');
}

/**
 * @param unit the unit exported
 * @param parent its parent in the registry (null at the top)
 * @param grandparent the parent's parent, used when the unit is a party
 *   committee sitting under its administrative unit ("Đảng ủy xã Đông Hòa"
 *   under "Xã Đông Hòa" under "Tỉnh Hải Đông")
 */
export function headerOf(unit: UnitLike, parent: UnitLike | null, grandparent: UnitLike | null): Pick<ExportMeta, 'unitName' | 'issuerLine' | 'parentLine' | 'superior' | 'collective' | 'place'> {
  const name = unit.name.normalize('NFC');
  if (ADMIN_KINDS.has(unit.kind)) {
    return {
      unitName: name,
      issuerLine: committeeOf(unit),
      parentLine: parent ? partyOrganisationOf(parent) : null,
      superior: parent ? committeeOf(parent) : null,
      collective: 'Toàn Đảng bộ',
      place: placeName(name),
    };
  }
  if (unit.kind === 'party_committee' && parent && ADMIN_KINDS.has(parent.kind)) {
    return {
      unitName: name,
      issuerLine: name,
      parentLine: grandparent ? partyOrganisationOf(grandparent) : null,
      superior: grandparent ? committeeOf(grandparent) : null,
      collective: 'Toàn Đảng bộ',
      place: placeName(parent.name),
    };
  }
  return {
    unitName: name,
    issuerLine: name,
    parentLine: parent ? partyOrganisationOf(parent) : null,
    superior: parent ? (ADMIN_KINDS.has(parent.kind) ? committeeOf(parent) : parent.name.normalize('NFC')) : null,
    collective: 'Toàn đơn vị',
    place: parent && ADMIN_KINDS.has(parent.kind) ? placeName(parent.name) : placeName(name),
  };
}
