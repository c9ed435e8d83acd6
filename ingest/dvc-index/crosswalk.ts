/**
 * The crosswalk from index agencies to gazetteer units. Provinces and communes are matched by name within their
 * province against the 2025 system (Resolution 202/2025/QH15), accent- and prefix-insensitive:
 * "UBND xã Tân Hội - tỉnh An Giang" → Xã Tân Hội of An Giang. Departments become local units under their
 * province. Nothing is guessed: no candidate, or more than one, leaves the agency UNMATCHED with the reason, and its
 * figures go to a local placeholder unit under its province until an operator chooses (`overrideAgencyUnit`).
 * Public surface: `parseAgencyName`, `ensureAgencies`, `AgencyUnitMap` (and, re-exported from src, `overrideAgencyUnit`,
 * `unmatchedReport`).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../../src/text/vi-fold';
import type { AgencyKind, IndexGeneration, IndexRow } from './protocol';

/** Type words of a name, folded, longest first, with the gazetteer levels they may stand for. */
const TYPE_WORDS: Array<[string, string[]]> = [
  ['thanh pho', ['central_city', 'province']],
  ['dac khu', ['special_zone']],
  ['thi tran', ['township']],
  ['phuong', ['ward']],
  ['tinh', ['province']],
  ['xa', ['commune']],
];
const PREFIXES = ['uy ban nhan dan', 'ubnd'];

export interface ParsedAgencyName {
  /** Folded name without "UBND" and without its type word: "tan hoi". */
  key: string;
  /** Gazetteer levels the type word allows (empty: any). */
  levels: string[];
  /** Folded province name after " - " ("an giang"), or null. */
  provinceKey: string | null;
}

function stripType(folded: string): { key: string; levels: string[] } {
  let rest = folded;
  for (const p of PREFIXES) if (rest.startsWith(`${p} `)) rest = rest.slice(p.length + 1);
  for (const [word, levels] of TYPE_WORDS) {
    if (rest.startsWith(`${word} `)) return { key: rest.slice(word.length + 1), levels };
  }
  return { key: rest, levels: [] };
}

/** "UBND xã Tân Hội - tỉnh An Giang" → { key: "tan hoi", levels: [commune], provinceKey: "an giang" }. */
export function parseAgencyName(name: string): ParsedAgencyName {
  const parts = name.normalize('NFC').split(/\s+[-–]\s+/);
  const own = stripType(foldVietnamese(parts[0]));
  const province = parts.length > 1 ? stripType(foldVietnamese(parts[parts.length - 1])).key : null;
  return { key: own.key, levels: own.levels, provinceKey: province };
}

/**
 * A unit's key: its short name (already without type word) folded ("Tịnh Biên" → "tinh bien": a name may begin
 * with what looks like a type word, so only the full name's type is stripped).
 */
function unitKey(shortName: string, name: string): string {
  return shortName ? foldVietnamese(shortName) : stripType(foldVietnamese(name)).key;
}

interface Candidate { id: number; key: string; level: string }

/** Agency e-code → the unit its figures are stored against. */
export type AgencyUnitMap = Map<string, number>;

interface AgencyRow { code: string; unit_id: number; match_status: string; legacy_id: string | null; api_id: string | null }

async function candidates(tx: EntityManager, parentId: number | null): Promise<Candidate[]> {
  const rows = parentId === null
    ? await tx.execute<Array<{ id: number; short_name: string; name: string; level: string }>>(
      `select id, short_name, name, level::text as level from admin_unit where code_set = 'nq202_2025' and parent_id is null`)
    : await tx.execute<Array<{ id: number; short_name: string; name: string; level: string }>>(
      `select id, short_name, name, level::text as level from admin_unit where code_set = 'nq202_2025' and parent_id = ?`, [parentId]);
  return rows.map((r) => ({ id: r.id, key: unitKey(r.short_name, r.name), level: r.level }));
}

/** One name → one unit, or the reason there is none. */
function pick(parsed: ParsedAgencyName, pool: Candidate[], where: string): { id: number } | { reason: string } {
  const byName = pool.filter((c) => c.key === parsed.key);
  const typed = parsed.levels.length ? byName.filter((c) => parsed.levels.includes(c.level)) : byName;
  if (typed.length === 1) return { id: typed[0].id };
  if (typed.length > 1) return { reason: `${typed.length} units named "${parsed.key}" ${where}; choose one with an override` };
  if (byName.length === 1 && parsed.levels.length) {
    return { reason: `"${parsed.key}" ${where} is a ${byName[0].level}, not a ${parsed.levels.join('/')}; confirm it with an override` };
  }
  return { reason: `no unit named "${parsed.key}" ${where}` };
}

async function localUnit(tx: EntityManager, code: string, name: string, level: 'department' | 'other', parentId: number | null): Promise<number> {
  const key = foldVietnamese(name);
  const [unit] = await tx.execute<{ id: number }[]>(
    `insert into admin_unit (code_set, code, name, short_name, level, type_vi, parent_id, search_key, aliases)
     values ('local', ?, ?, ?, ?::unit_level, ?, ?, ?, '{}')
     on conflict (code_set, code) do update set name = excluded.name returning id`,
    [`dvc-index:${code}`, name.slice(0, 200), name.slice(0, 200), level, level === 'department' ? 'so' : 'khac', parentId, key.slice(0, 200)]);
  return unit.id;
}

/**
 * Make sure every agency of `rows` is in the crosswalk (matching the new ones) and return code → unit. Known agencies
 * keep their unit (an operator's choice is never overwritten); their id in this generation is recorded.
 * `provinceUnitId` is the unit of the province whose list this is (null for the province list itself).
 */
export async function ensureAgencies(
  tx: EntityManager, generation: IndexGeneration, rows: IndexRow[], provinceUnitId: number | null,
): Promise<AgencyUnitMap> {
  const map: AgencyUnitMap = new Map();
  const codes = rows.map((r) => r.code);
  const read = async () => new Map((codes.length
    ? await tx.execute<AgencyRow[]>(
      'select code, unit_id, match_status::text as match_status, legacy_id, api_id from index_agency where code in (?)', [codes])
    : []).map((k) => [k.code, k]));
  let byCode = await read();
  const idColumn = generation === 'v1' ? 'api_id' : 'legacy_id';
  const stale = rows.some((r) => {
    const hit = byCode.get(r.code);
    return !hit || (generation === 'v1' ? hit.api_id : hit.legacy_id) !== r.agencyId;
  });
  if (stale) {
    // Writers of the crosswalk take turns (index requests run in parallel on the job queue: two answers naming the
    // same new agencies in different orders would otherwise deadlock); then re-read what the previous one wrote.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['cchc-atlas:index-agencies']);
    byCode = await read();
  }
  let pool: Candidate[] | null = null;
  for (const row of rows) {
    const hit = byCode.get(row.code);
    if (hit) {
      map.set(row.code, hit.unit_id);
      if ((generation === 'v1' ? hit.api_id : hit.legacy_id) !== row.agencyId) {
        await tx.execute(`update index_agency set ${idColumn} = ?, updated_at = now() where code = ?`, [row.agencyId, row.code]);
      }
      continue;
    }
    pool ??= await candidates(tx, provinceUnitId);
    const { unitId, status, note } = await matchOne(tx, row, pool, provinceUnitId);
    await tx.execute(
      `insert into index_agency (code, ${idColumn}, name, agency_type, province_code, unit_id, match_status, match_note)
       values (?, ?, ?, ?::index_agency_type, ?, ?, ?::index_match_status, ?)
       on conflict (code) do nothing`,
      [row.code, row.agencyId, row.name.slice(0, 300), row.kind, row.provinceCode, unitId, status, note]);
    const [stored] = await tx.execute<{ unit_id: number }[]>('select unit_id from index_agency where code = ?', [row.code]);
    map.set(row.code, stored.unit_id);
  }
  return map;
}

async function matchOne(
  tx: EntityManager, row: IndexRow, pool: Candidate[], provinceUnitId: number | null,
): Promise<{ unitId: number; status: 'matched' | 'department' | 'unmatched'; note: string | null }> {
  const kind: AgencyKind = row.kind;
  if (kind === 'department') {
    return { unitId: await localUnit(tx, row.code, row.name, 'department', provinceUnitId), status: 'department', note: null };
  }
  const parsed = parseAgencyName(row.name);
  const where = provinceUnitId === null ? 'among the 2025 provinces' : 'in its province';
  const scoped = kind === 'province'
    ? pool.filter((c) => c.level === 'province' || c.level === 'central_city')
    : pool.filter((c) => c.level !== 'province' && c.level !== 'central_city');
  const found = pick(parsed, scoped, where);
  if ('id' in found) return { unitId: found.id, status: 'matched', note: null };
  return { unitId: await localUnit(tx, row.code, row.name, 'other', provinceUnitId), status: 'unmatched', note: found.reason };
}

export { overrideAgencyUnit, unmatchedReport, DVC_INDEX_SOURCE_ID } from '../../src/modules/dvc-index/index-agency.service';
export type { UnmatchedAgency } from '../../src/modules/dvc-index/index-agency.service';
