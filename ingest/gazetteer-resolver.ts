/**
 * The extraction engine's SubjectResolver backed by the gazetteer: mentions such as "quận Bình Thạnh", "Q.11" or
 * "phường Sông Cầu" resolve to units of the publisher's province (both code sets). Among units of the same name it
 * prefers the publisher's own children ("UBND Phường 4" in a Quận 3 report is Phường 4 of Quận 3, not of Quận 10),
 * then the publisher's siblings, then the publisher's own code set (a 2019 article means the pre-2025 units).
 * Numbers in names match with or without leading zeros ("Phường 4" ≡ "Phường 04", as the GSO list writes it).
 * Loaded once per source run; lookups are in memory.
 * Public surface: `loadSubjectContext`, `resolverOverUnits`, `GazetteerRow`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import type { ResolvedUnit, SubjectResolver } from './types';

/** One unit as the resolver needs it (a database row, or a row of the gazetteer packages for the CLI). */
export interface GazetteerRow { id: number | string; parent_id: number | string | null; name: string; type_vi: string; code_set: string; search_key: string; aliases: string[] }

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
select u.id, u.parent_id, u.name, u.type_vi, u.code_set::text as code_set, u.search_key, u.aliases
from admin_unit u where u.id in (select id from down)`;

export interface SubjectContext {
  publisher: ResolvedUnit;
  resolver: SubjectResolver;
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
  const rank = (c: GazetteerRow): number =>
    (String(c.parent_id) === String(pub.id) ? 0 : pub.parent_id !== null && String(c.parent_id) === String(pub.parent_id) ? 2 : 4)
    + (c.code_set === pub.code_set ? 0 : 1);
  return {
    resolve(mention: string): ResolvedUnit | null {
      const key = unzero(foldVietnamese(mention).replace(LEADING_NOISE, ''));
      const candidates = byKey.get(key);
      if (!candidates?.length) return null;
      const best = candidates.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      return { id: String(best.id), name: best.name, level: best.type_vi };
    },
  };
}

/** Load the publisher and a resolver over the units of its province. */
export async function loadSubjectContext(em: EntityManager, publisherUnitId: number): Promise<SubjectContext> {
  const [pub] = await em.execute<GazetteerRow[]>(
    'select id, parent_id, name, type_vi, code_set::text as code_set, search_key, aliases from admin_unit where id = ?', [publisherUnitId]);
  if (!pub) throw new Error(`publisher unit ${publisherUnitId} does not exist`);
  const rows = await em.execute<GazetteerRow[]>(UNITS_OF_PROVINCE, [publisherUnitId]);
  return { publisher: { id: String(pub.id), name: pub.name, level: pub.type_vi }, resolver: resolverOverUnits(rows, pub) };
}
