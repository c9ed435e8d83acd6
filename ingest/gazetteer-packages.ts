/**
 * The gazetteer without a database: the rows `npm run seed` loads into `admin_unit` (both administrative systems and
 * the units dissolved before 2025), read from the gazetteer packages, and the subject context ingestion would build
 * for a publisher from them. The extract CLI resolves `--unit` with it, and the real-text scorer resolves every
 * article's publisher and mentions with it, so that what it counts as served is what ingestion stores as AUTO.
 *
 * Ids are integers written as strings (as the database's are), numbered in load order: they are stable within one
 * process, not across package versions, and never stored; `packageUnitCode` gives a row's official code.
 * Public surface: `packageGazetteerRows`, `packageSubjectContext`, `packageContextForUnit`, `packageUnitCode`,
 * `withOfficialCodes`, `PublisherSpec`.
 */
import { foldVietnamese } from '../src/text/vi-fold';
import { subjectContextFromData, type GazetteerRow, type SubjectContext } from './gazetteer-resolver';
import type { ResolvedUnit, SubjectResolver } from './types';

interface PackageGazetteer {
  rows: GazetteerRow[];
  /** Official code of each row by id ("gso:26734"). */
  codes: Map<string, string>;
  /** Provinces linked by the 2025 reorganisation (old ↔ new, both ways), as `npm run seed` derives them. */
  provinceLinks: Map<string, Set<string>>;
  /** The rows without a parent (the provinces of both systems), and each row's children by id. */
  roots: GazetteerRow[];
  children: Map<string, GazetteerRow[]>;
}

let cached: PackageGazetteer | null = null;

function packageGazetteer(): PackageGazetteer {
  if (cached) return cached;
  // Lazily: the packages are large and only the CLI and the scorer need them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('../src/modules/unit/gazetteer-data') as typeof import('../src/modules/unit/gazetteer-data');
  const history = data.loadHistory();
  const newSystem = data.loadNewSystem();
  const units = [...data.withCreationDates(data.loadGsoUnits(), history.createdOn), ...history.units, ...newSystem.units];
  const idOf = new Map(units.map((u, i) => [`${u.codeSet}:${u.code}`, String(i + 1)]));
  const rows: GazetteerRow[] = units.map((u) => ({
    id: idOf.get(`${u.codeSet}:${u.code}`)!,
    parent_id: u.parentCode && u.parentCodeSet ? idOf.get(`${u.parentCodeSet}:${u.parentCode}`) ?? null : null,
    name: u.name, type_vi: u.typeVi, code_set: u.codeSet, search_key: u.searchKey, aliases: u.aliases,
    valid_from: u.validFrom, valid_to: u.validTo,
  }));
  // An old commune's province (two steps up) → its new commune's province (one step up): seed.ts's province successions.
  const parentOf = new Map(rows.map((r) => [String(r.id), r.parent_id === null ? null : String(r.parent_id)]));
  const provinceLinks = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!provinceLinks.has(a)) provinceLinks.set(a, new Set());
    provinceLinks.get(a)!.add(b);
  };
  for (const m of newSystem.communeMappings) {
    const oldCommune = idOf.get(`gso:${m.predecessorCode}`);
    const newCommune = idOf.get(`nq202_2025:${m.successorCode}`);
    if (!oldCommune || !newCommune) continue;
    const oldDistrict = parentOf.get(oldCommune);
    const oldProvince = oldDistrict ? parentOf.get(oldDistrict) : null;
    const newProvince = parentOf.get(newCommune);
    if (!oldProvince || !newProvince) continue;
    link(oldProvince, newProvince);
    link(newProvince, oldProvince);
  }
  const children = new Map<string, GazetteerRow[]>();
  for (const r of rows) {
    if (r.parent_id === null) continue;
    const list = children.get(String(r.parent_id));
    if (list) list.push(r);
    else children.set(String(r.parent_id), [r]);
  }
  const roots = rows.filter((r) => r.parent_id === null);
  cached = { rows, codes: new Map([...idOf].map(([code, id]) => [id, code])), provinceLinks, roots, children };
  return cached;
}

/** Every unit of the gazetteer packages as a resolver row (memoised; about 14,700 rows). */
export function packageGazetteerRows(): readonly GazetteerRow[] {
  return packageGazetteer().rows;
}

/** The official code ("gso:26734", "nq202_2025:26734") of a row's id; null for another id (a department's). */
export function packageUnitCode(id: string): string | null {
  return packageGazetteer().codes.get(id) ?? null;
}

/** Resolved subjects by their official code ("gso:26734"), in place: the rows' ids mean nothing outside this process. */
export function withOfficialCodes<T extends { subject: { unitId: string | null } }>(figures: T[]): T[] {
  for (const f of figures) if (f.subject.unitId) f.subject.unitId = packageUnitCode(f.subject.unitId) ?? f.subject.unitId;
  return figures;
}

/** A publisher as a source names it: a unit (by name and level) of a province, or a department or ministry of one. */
export interface PublisherSpec {
  /** "Huyện Định Quán", "Xã Trần Phú", "Sở Tư pháp tỉnh Bắc Kạn"; for a province its gazetteer name ("Tỉnh Đồng Nai"). */
  name: string;
  /** tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran; `so` for a department, `bo` for a ministry. */
  level: string;
  /** The province by its gazetteer name ("Tỉnh Đồng Nai", "Thành phố Hà Nội"). */
  province: string;
  /** The day the source is registered for: units of the system in force then (before 2025-07-01 the GSO's). */
  on: Date | null;
  /**
   * Words that locate the unit when its name alone is ambiguous ("Phường 4" with "Quận 3"): a unit named so is chosen
   * only if its parent's name is among them.
   */
  locatedBy?: string;
}

const NEW_SYSTEM_FIRST_DAY = '2025-07-01';
const unzero = (key: string): string => key.replace(/(?<![0-9])0+(?=[0-9])/g, '');

/**
 * The units ingestion's resolver holds for a publisher in `province` (gazetteer-resolver.ts, UNITS_OF_PROVINCE): the
 * trees of the province and of the provinces linked to it by the 2025 reorganisation within two steps, and every
 * province.
 */
function unitsFor(g: PackageGazetteer, province: GazetteerRow): GazetteerRow[] {
  const related = new Set([String(province.id)]);
  for (let step = 0; step < 2; step++) for (const id of [...related]) for (const other of g.provinceLinks.get(id) ?? []) related.add(other);
  const out = g.roots.filter((r) => related.has(String(r.id)));
  for (let i = 0; i < out.length; i++) out.push(...(g.children.get(String(out[i].id)) ?? []));
  return [...out, ...g.roots.filter((r) => !related.has(String(r.id)))];
}

/**
 * The subject context ingestion builds for a source registered with this publisher: the publisher's row and a
 * resolver over its province ({@link subjectContextFromData}, as `loadSubjectContext` does from the database).
 * A department or ministry is a unit below its province, as `registerSources` stores it. Null when the province or
 * the unit is not in the gazetteer of the system in force on `on`, or its name is ambiguous there.
 */
export function packageSubjectContext(spec: PublisherSpec): SubjectContext | null {
  const g = packageGazetteer();
  const rows = g.rows;
  const day = spec.on && !Number.isNaN(spec.on.getTime()) ? new Date(spec.on.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null;
  const codeSet = day !== null && day >= NEW_SYSTEM_FIRST_DAY ? 'nq202_2025' : 'gso';
  const provinceKey = foldVietnamese(spec.province);
  const province = rows.find((r) => r.parent_id === null && r.code_set === codeSet && r.search_key === provinceKey);
  if (!province) return null;
  const units = unitsFor(g, province);
  let publisher: GazetteerRow | undefined;
  if (spec.level === 'so' || spec.level === 'bo') {
    const key = foldVietnamese(spec.name);
    publisher = { id: String(rows.length + 1), parent_id: province.id, name: spec.name, type_vi: spec.level, code_set: 'local', search_key: key, aliases: [] };
    units.push(publisher);
  } else if (spec.level === 'tinh' || (spec.level === 'thanh_pho' && foldVietnamese(spec.name) === provinceKey)) {
    publisher = province;
  } else {
    const key = unzero(foldVietnamese(spec.name));
    // The publisher is a unit of its province's own tree in the system of the day.
    const byId = new Map(units.map((r) => [String(r.id), r]));
    const rootOf = (r: GazetteerRow): string => {
      let at = r;
      while (at.parent_id !== null && byId.has(String(at.parent_id))) at = byId.get(String(at.parent_id))!;
      return String(at.id);
    };
    const own = new Set(units.filter((r) => rootOf(r) === String(province.id)).map((r) => String(r.id)));
    const named = units.filter((r) => r !== province && r.parent_id !== null && own.has(String(r.id)) && r.type_vi === spec.level && unzero(r.search_key) === key);
    // Of two units of one name (a dissolved one and its successor), the one in force on the day.
    const inForce = named.filter((r) => day === null || ((r.valid_from == null || r.valid_from <= day) && (r.valid_to == null || r.valid_to >= day)));
    const pool = inForce.length > 0 ? inForce : named;
    if (pool.length > 1) {
      // Several units of one name in the province (Phường 4 of many districts): only the words around it tell them apart.
      const around = ` ${unzero(foldVietnamese(spec.locatedBy ?? ''))} `;
      const located = pool.filter((r) => {
        const parent = r.parent_id === null ? undefined : byId.get(String(r.parent_id));
        return parent !== undefined && parent !== province && around.includes(` ${unzero(parent.search_key)} `);
      });
      publisher = located.length === 1 ? located[0] : undefined;
    } else {
      publisher = pool[0];
    }
  }
  if (!publisher) return null;
  return subjectContextFromData({ publisher, units });
}

/** A day the GSO list is in force, for registering a --unit publisher in it. */
const GSO_DAY = new Date('2025-06-30T12:00:00+07:00');
/** Of units of one name, the one a --unit most likely means: a district before a ward. */
const LEVEL_ORDER = ['quan', 'huyen', 'thi_xa', 'thanh_pho', 'tinh', 'phuong', 'xa', 'thi_tran'];

/**
 * The publisher a CLI's --unit names and the resolver ingestion would build for it: a unit of the GSO list by name, the
 * district before the ward when both are named so.
 */
export function packageContextForUnit(name: string): { publisher: ResolvedUnit; resolver: SubjectResolver } | null {
  const rows = packageGazetteerRows();
  const key = unzero(foldVietnamese(name));
  const matches = rows.filter((r) => r.code_set === 'gso' && unzero(r.search_key) === key);
  if (matches.length === 0) return null;
  const pub = [...matches].sort((a, b) => LEVEL_ORDER.indexOf(a.type_vi) - LEVEL_ORDER.indexOf(b.type_vi))[0];
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  let province = pub;
  while (province.parent_id !== null && byId.has(String(province.parent_id))) province = byId.get(String(province.parent_id))!;
  const parent = pub.parent_id === null ? undefined : byId.get(String(pub.parent_id));
  // Registered as of a day of the GSO list, whatever the document's date: --unit names a unit of that list.
  const ctx = packageSubjectContext({
    name: pub.name, level: pub === province ? 'tinh' : pub.type_vi, province: province.name, on: GSO_DAY, locatedBy: parent?.name,
  });
  return ctx && { publisher: ctx.publisher, resolver: ctx.resolver };
}
