/**
 * The extraction engine's SubjectResolver backed by the gazetteer: mentions such as "quận Bình Thạnh", "Q.11" or
 * "phường Sông Cầu" resolve to units of the publisher's province (every code set). Among units of the same name it
 * prefers the publisher's own children ("UBND Phường 4" in a Quận 3 report is Phường 4 of Quận 3, not of Quận 10),
 * then the publisher's siblings; within each, the one valid on the publication date in the publisher's system wins,
 * then the publisher's system, then one valid on that date: a 2019 article's "Quận 9" is the district dissolved in
 * 2021, its "phường An Khánh" the pre-2025 ward. Numbers in names match with or without leading zeros
 * ("Phường 4" ≡ "Phường 04", as the GSO list writes it). Loaded once per source run; lookups are in memory. The
 * context carries its plain data too, so a parse worker can build the same resolver ({@link subjectContextFromData}).
 * Public surface: `loadSubjectContext`, `subjectContextFromData`, `resolverOverUnits`, `SubjectContext`,
 * `SubjectData`, `GazetteerRow`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import type { ResolvedUnit, SubjectResolver } from './types';

/** One unit as the resolver needs it (a database row, or a row of the gazetteer packages for the CLI). */
export interface GazetteerRow {
  id: number | string; parent_id: number | string | null; name: string; type_vi: string; code_set: string;
  search_key: string; aliases: string[];
  /** Validity as ISO days; absent or null = open-ended. */
  valid_from?: string | null; valid_to?: string | null;
}

/** The administrative system of a code set: units dissolved before 2025 belong to the GSO (three-tier) system. */
const systemOf = (codeSet: string): string => (codeSet === 'gso_history' ? 'gso' : codeSet);

/** ISO day of a publication date in Vietnam's time zone (UTC+7, no daylight saving). */
function vietnamDay(on: Date): string {
  return new Date(on.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function validOn(row: GazetteerRow, day: string): boolean {
  return (row.valid_from == null || row.valid_from <= day) && (row.valid_to == null || row.valid_to >= day);
}

/** Words that introduce a unit but are not part of its key. */
const LEADING_NOISE = /^(ubnd|uy ban nhan dan|hdnd|bo phan mot cua)\s+/;

/**
 * The units a publisher's texts can name: those of its province and of the provinces its province came from or went
 * into in the 2025 reorganisation (two steps, so a merged province's partners are in too), across both systems, and
 * every province of the country (rankings name other provinces; their districts and communes stay out, as their names
 * repeat across the country).
 */
const UNITS_OF_PROVINCE = `
with recursive publisher as (select id, parent_id, code_set from admin_unit where id = ?),
up as (
  select id, parent_id from admin_unit where id = (select id from publisher)
  union all select a.id, a.parent_id from admin_unit a join up on a.id = up.parent_id
),
province as (select id from up where parent_id is null),
roots as (select id from admin_unit where parent_id is null),
step1 as (
  select id from province
  union select s.successor_id from unit_succession s join province p on s.predecessor_id = p.id where s.successor_id in (select id from roots)
  union select s.predecessor_id from unit_succession s join province p on s.successor_id = p.id where s.predecessor_id in (select id from roots)
),
related as (
  select id from step1
  union select s.successor_id from unit_succession s join step1 p on s.predecessor_id = p.id where s.successor_id in (select id from roots)
  union select s.predecessor_id from unit_succession s join step1 p on s.successor_id = p.id where s.predecessor_id in (select id from roots)
),
down as (
  select id from related
  union all select a.id from admin_unit a join down on a.parent_id = down.id
)
select u.id, u.parent_id, u.name, u.type_vi, u.code_set::text as code_set, u.search_key, u.aliases,
       to_char(u.valid_from, 'YYYY-MM-DD') as valid_from, to_char(u.valid_to, 'YYYY-MM-DD') as valid_to
from admin_unit u where u.id in (select id from down) or u.parent_id is null`;

/** The rows a resolver is built from: plain data (structured-clonable, for worker threads). */
export interface SubjectData {
  publisher: GazetteerRow;
  units: GazetteerRow[];
}

export interface SubjectContext {
  publisher: ResolvedUnit;
  resolver: SubjectResolver;
  data: SubjectData;
}

/** "phuong 04" → "phuong 4": numbers compare without leading zeros. */
function unzero(key: string): string {
  return key.replace(/(?<![0-9])0+(?=[0-9])/g, '');
}

/** A resolver over `rows` (the publisher's province) for mentions in the publisher's documents. */
export function resolverOverUnits(rows: readonly GazetteerRow[], pub: GazetteerRow): SubjectResolver {
  const byKey = new Map<string, GazetteerRow[]>();
  const add = (key: string, row: GazetteerRow) => {
    const k = unzero(key);
    const list = byKey.get(k);
    if (!list) byKey.set(k, [row]);
    else if (!list.includes(row)) list.push(row);
  };
  for (const row of rows) {
    add(row.search_key, row);
    for (const alias of row.aliases) if (/\s/.test(alias)) add(alias, row); // bare short names are too ambiguous
  }
  const system = systemOf(pub.code_set);
  /**
   * Lower is better: a unit in force on the article's day first (a 2019 text names the units of 2019, whichever
   * system its source is registered in), in the publisher's system before the other; then the place under the
   * publisher, beside it, elsewhere.
   */
  const rank = (c: GazetteerRow, day: string | null): number => {
    const place = String(c.parent_id) === String(pub.id) ? 0
      : pub.parent_id !== null && String(c.parent_id) === String(pub.parent_id) ? 1 : 2;
    const sameSystem = systemOf(c.code_set) === system;
    const current = day !== null && validOn(c, day);
    const time = current && sameSystem ? 0 : current ? 1 : sameSystem ? 2 : 3;
    return time * 3 + place;
  };
  // The publisher's province: the root of its tree among the rows held (a province is its own).
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  let root: GazetteerRow | undefined = pub;
  for (let hops = 0; root && root.parent_id !== null && root.parent_id !== undefined && hops < 8; hops++) root = byId.get(String(root.parent_id));
  const province: ResolvedUnit | null = root && (root.parent_id === null || root.parent_id === undefined) ? { id: String(root.id), name: root.name, level: 'tinh' } : null;
  return {
    publisherProvince: (): ResolvedUnit | null => province,
    resolve(mention: string, _near: ResolvedUnit | null, on?: Date | null): ResolvedUnit | null {
      const key = unzero(foldVietnamese(mention).replace(LEADING_NOISE, ''));
      const candidates = byKey.get(key);
      if (!candidates?.length) return null;
      const day = on && !Number.isNaN(on.getTime()) ? vietnamDay(on) : null;
      // "Sở Xây dựng Bắc Ninh", "Sơn La đạt 90%": a bare name a province and a city inside it share is the province
      // (the city is written with its level word, "thành phố Bắc Ninh", which only the city's key holds).
      const provinces = candidates.filter((c) => c.parent_id === null || c.parent_id === undefined);
      const pool = provinces.length > 0 && provinces.length < candidates.length ? provinces : candidates;
      const best = pool.reduce((a, b) => (rank(b, day) < rank(a, day) ? b : a));
      return { id: String(best.id), name: best.name, level: best.type_vi };
    },
  };
}

/** Load the publisher and a resolver over the units of its province. */
export async function loadSubjectContext(em: EntityManager, publisherUnitId: number): Promise<SubjectContext> {
  const [pub] = await em.execute<GazetteerRow[]>(
    `select id, parent_id, name, type_vi, code_set::text as code_set, search_key, aliases,
       to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to
     from admin_unit where id = ?`, [publisherUnitId]);
  if (!pub) throw new Error(`publisher unit ${publisherUnitId} does not exist`);
  const rows = await em.execute<GazetteerRow[]>(UNITS_OF_PROVINCE, [publisherUnitId]);
  return subjectContextFromData({ publisher: pub, units: rows });
}

/** The publisher and resolver over already-loaded rows (pure; the same answers as {@link loadSubjectContext}). */
export function subjectContextFromData(data: SubjectData): SubjectContext {
  const pub = data.publisher;
  // A centrally-run city (Hà Nội, Thành phố Hồ Chí Minh, …) is a province: its type word "thành phố" is the one a
  // provincial city has, but the engine must read its departments and districts as a province's.
  const level = pub.parent_id === null || pub.parent_id === undefined ? 'tinh' : pub.type_vi;
  return { publisher: { id: String(pub.id), name: pub.name, level }, resolver: resolverOverUnits(data.units, pub), data };
}
