/**
 * The extraction engine's SubjectResolver backed by the gazetteer: mentions such as "quận Bình Thạnh", "Q.11" or
 * "phường Sông Cầu" resolve to units of the publisher's province (every code set). Among units of the same name, the
 * one valid on the publication date in the publisher's system wins, then the publisher's system, then one valid on
 * that date: a 2019 article's "Quận 9" is the district dissolved in 2021, its "phường An Khánh" the pre-2025 ward.
 * Loaded once per source run; lookups are in memory. The context carries its plain data too, so a parse worker can
 * build the same resolver ({@link subjectContextFromData}).
 * Public surface: `loadSubjectContext`, `subjectContextFromData`, `SubjectContext`, `SubjectData`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import type { ResolvedUnit, SubjectResolver } from './types';

interface UnitRow {
  id: number; name: string; type_vi: string; code_set: string; search_key: string; aliases: string[];
  valid_from: string | null; valid_to: string | null;
}

/** The administrative system of a code set: units dissolved before 2025 belong to the GSO (three-tier) system. */
const systemOf = (codeSet: string): string => (codeSet === 'gso_history' ? 'gso' : codeSet);

/** ISO day of a publication date in Vietnam's time zone (UTC+7, no daylight saving). */
function vietnamDay(on: Date): string {
  return new Date(on.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function validOn(row: UnitRow, day: string): boolean {
  return (row.valid_from === null || row.valid_from <= day) && (row.valid_to === null || row.valid_to >= day);
}

/** Words that introduce a unit but are not part of its key. */
const LEADING_NOISE = /^(ubnd|uy ban nhan dan|hdnd|bo phan mot cua)\s+/;

const UNITS_OF_PROVINCE = `
with recursive publisher as (select id, parent_id, code_set from admin_unit where id = ?),
up as (
  select id, parent_id from admin_unit where id = (select id from publisher)
  union all select a.id, a.parent_id from admin_unit a join up on a.id = up.parent_id
),
province as (select id from up where parent_id is null),
down as (
  select id from province
  union all select a.id from admin_unit a join down on a.parent_id = down.id
)
select u.id, u.name, u.type_vi, u.code_set::text as code_set, u.search_key, u.aliases,
       to_char(u.valid_from, 'YYYY-MM-DD') as valid_from, to_char(u.valid_to, 'YYYY-MM-DD') as valid_to
from admin_unit u where u.id in (select id from down)`;

/** The rows a resolver is built from: plain data (structured-clonable, for worker threads). */
export interface SubjectData {
  publisher: UnitRow;
  units: UnitRow[];
}

export interface SubjectContext {
  publisher: ResolvedUnit;
  resolver: SubjectResolver;
  data: SubjectData;
}

/** Load the publisher and a resolver over the units of its province. */
export async function loadSubjectContext(em: EntityManager, publisherUnitId: number): Promise<SubjectContext> {
  const [pub] = await em.execute<UnitRow[]>(
    'select id, name, type_vi, code_set::text as code_set, search_key, aliases from admin_unit where id = ?', [publisherUnitId]);
  if (!pub) throw new Error(`publisher unit ${publisherUnitId} does not exist`);
  const rows = await em.execute<UnitRow[]>(UNITS_OF_PROVINCE, [publisherUnitId]);
  return subjectContextFromData({ publisher: pub, units: rows });
}

/** The publisher and resolver over already-loaded rows (pure; the same answers as {@link loadSubjectContext}). */
export function subjectContextFromData(data: SubjectData): SubjectContext {
  const { publisher: pub, units: rows } = data;
  const byKey = new Map<string, UnitRow[]>();
  const add = (key: string, row: UnitRow) => byKey.set(key, [...(byKey.get(key) ?? []), row]);
  for (const row of rows) {
    add(row.search_key, row);
    for (const alias of row.aliases) if (/\s/.test(alias)) add(alias, row); // bare short names are too ambiguous
  }
  const toResolved = (r: UnitRow): ResolvedUnit => ({ id: String(r.id), name: r.name, level: r.type_vi });
  const resolver: SubjectResolver = {
    resolve(mention: string, _near: ResolvedUnit | null, on?: Date | null): ResolvedUnit | null {
      const key = foldVietnamese(mention).replace(LEADING_NOISE, '');
      const candidates = byKey.get(key);
      if (!candidates?.length) return null;
      const system = systemOf(pub.code_set);
      const sameSystem = (c: UnitRow) => systemOf(c.code_set) === system;
      const day = on && !Number.isNaN(on.getTime()) ? vietnamDay(on) : null;
      const current = (c: UnitRow) => day !== null && validOn(c, day);
      const preferred = candidates.find((c) => current(c) && sameSystem(c)) ?? candidates.find(sameSystem)
        ?? candidates.find(current) ?? candidates[0];
      return toResolved(preferred);
    },
  };
  return { publisher: toResolved(pub), resolver, data };
}
