/**
 * Accent- and case-insensitive search over the gazetteer. Ranking, best first:
 * exact full name or alias ("quan 1" → Quận 1, never Quận 11), then higher administrative tiers (a district before
 * the many communes that share its name), then units still valid, then shorter names.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../../text/vi-fold';
import { AdminUnit, UnitLevel } from './admin-unit.entity';
import { underParentSql } from './unit-set';

export interface UnitSearchOptions {
  search?: string | null;
  levels?: UnitLevel[] | null;
  parentId?: number | null;
  /** ISO date: only units valid on that day. */
  validOn?: string | null;
  limit: number;
  offset: number;
}

/** Words that introduce a unit in text but are not part of its name ("UBND quận …"). */
const STOP_WORDS = new Set(['ubnd', 'uy', 'ban', 'nhan', 'dan', 'cua', 'tai']);
const MAX_TOKENS = 8;

/** Each token must start a word; a number must be a whole word, so "1" never matches "11". */
function tokenPatterns(search: string): { folded: string; patterns: string[] } {
  const folded = foldVietnamese(search);
  const tokens = folded.split(' ').filter((t) => t && !STOP_WORDS.has(t)).slice(0, MAX_TOKENS);
  const patterns = tokens.map((t) => (/^\d+$/.test(t) ? `(^| )${t}( |$)` : `(^| )${t}`));
  return { folded: tokens.join(' '), patterns };
}

const TIER_ORDER = `case u.level
  when 'province' then 1 when 'central_city' then 1 when 'department' then 2
  when 'district' then 2 when 'provincial_city' then 2 when 'town' then 2 else 3 end`;

/** Search units; returns one page and the total count. */
export async function searchUnits(em: EntityManager, o: UnitSearchOptions): Promise<{ items: AdminUnit[]; total: number }> {
  // Placeholders are positional: WHERE parameters (match, then filters) come before ORDER BY's (rank).
  const where: string[] = [];
  const whereParams: unknown[] = [];
  // No search: no match rank (a bare `0` in ORDER BY would be read as a column position and fail).
  let rank: string | null = null;
  const rankParams: unknown[] = [];
  if (o.search && o.search.trim()) {
    const { folded, patterns } = tokenPatterns(o.search);
    // A query with no letters or digits (only punctuation or stop words) matches nothing rather than everything.
    if (patterns.length === 0) return { items: [], total: 0 };
    const keyMatch = patterns.map(() => 'u.search_key ~ ?').join(' and ');
    const aliasMatch = patterns.map(() => 'a ~ ?').join(' and ');
    where.push(`((${keyMatch}) or exists (select 1 from unnest(u.aliases) a where ${aliasMatch}))`);
    whereParams.push(...patterns, ...patterns);
    // Exact name or alias first, then the words in the order typed, then the rest.
    rank = `(case when u.search_key = ? or ? = any(u.aliases) then 0 when u.search_key ~ ? then 1 else 2 end)`;
    rankParams.push(folded, folded, `(^| )${folded}( |$)`);
  }
  if (o.levels?.length) {
    where.push(`u.level::text in (${o.levels.map(() => '?').join(', ')})`);
    whereParams.push(...o.levels);
  }
  if (o.parentId) {
    if (o.validOn) {
      // Under that parent on that day: its current parent after any earlier one, or an earlier parent in its period.
      const under = underParentSql('u', '?::date', '?::date');
      where.push(under.sql);
      whereParams.push(...under.params(o.parentId, o.validOn, o.validOn));
    } else {
      where.push('(u.parent_id = ? or exists (select 1 from unit_parent_period pp where pp.unit_id = u.id and pp.parent_id = ?))');
      whereParams.push(o.parentId, o.parentId);
    }
  }
  if (o.validOn) {
    where.push('(u.valid_from is null or u.valid_from <= ?::date) and (u.valid_to is null or u.valid_to >= ?::date)');
    whereParams.push(o.validOn, o.validOn);
  }
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const sql = `select u.id, count(*) over () as total from admin_unit u ${whereSql}
    order by ${rank ? `${rank}, ` : ''}${TIER_ORDER}, (u.valid_to is null) desc, length(u.search_key), u.search_key, u.id
    limit ? offset ?`;
  const rows = await em.getConnection().execute<{ id: number; total: string }[]>(
    sql, [...whereParams, ...rankParams, o.limit, o.offset],
  );
  if (rows.length === 0) {
    if (o.offset === 0) return { items: [], total: 0 };
    const [c] = await em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from admin_unit u ${whereSql}`, whereParams);
    return { items: [], total: Number(c.n) };
  }
  const ids = rows.map((r) => r.id);
  const units = await em.find(AdminUnit, { id: { $in: ids } });
  const byId = new Map(units.map((u) => [u.id, u]));
  return { items: ids.map((id) => byId.get(id)!).filter(Boolean), total: Number(rows[0].total) };
}
