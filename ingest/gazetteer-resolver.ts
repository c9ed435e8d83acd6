/**
 * The extraction engine's SubjectResolver backed by the gazetteer: mentions such as "quận Bình Thạnh", "Q.11" or
 * "phường Sông Cầu" resolve to units of the publisher's province (both code sets), preferring the publisher's own
 * code set (a 2019 article means the pre-2025 units). Loaded once per source run; lookups are in memory.
 * The context carries its plain data too, so a parse worker can build the same resolver ({@link subjectContextFromData}).
 * Public surface: `loadSubjectContext`, `subjectContextFromData`, `SubjectContext`, `SubjectData`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import type { ResolvedUnit, SubjectResolver } from './types';

interface UnitRow { id: number; name: string; type_vi: string; code_set: string; search_key: string; aliases: string[] }

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
select u.id, u.name, u.type_vi, u.code_set::text as code_set, u.search_key, u.aliases
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
    resolve(mention: string): ResolvedUnit | null {
      const key = foldVietnamese(mention).replace(LEADING_NOISE, '');
      const candidates = byKey.get(key);
      if (!candidates?.length) return null;
      const preferred = candidates.find((c) => c.code_set === pub.code_set) ?? candidates[0];
      return toResolved(preferred);
    },
  };
  return { publisher: toResolved(pub), resolver, data };
}
