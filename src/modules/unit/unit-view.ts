/**
 * A unit as plain values, read in the same statement as the figures it comes with (rankings and series list dozens
 * of units; hydrating each as a managed entity cost more CPU than the query itself). It carries every scalar field of
 * the GraphQL `AdminUnit` type, and `parent` as an id, so the `AdminUnit` field resolvers serve views and entities alike.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminUnit } from './admin-unit.entity';
import { loadRow, prefixedKeys, rowLoader, type MaybePromise, type RawRow } from '../../graphql/rows';
import { isJoined, joined, type TableColumns } from '../../graphql/projection';

/** The scalar fields of `AdminUnit`, with the parent as an id. */
export type AdminUnitView = Pick<AdminUnit, 'id' | 'codeSet' | 'code' | 'name' | 'shortName' | 'level' | 'typeVi' | 'validFrom' | 'validTo' | 'aliases'>
  & { parent: { id: number } | null };

/** What the `AdminUnit` field resolvers need: an id and the parent's id (an entity or a view). */
export type UnitLike = Pick<AdminUnit, 'id'> & { parent?: { id: number } | null };

/** SQL: the unit row aliased `a` as a JSON object with the view's keys (`parentId` for the parent). */
export function unitJson(a: string): string {
  return `jsonb_build_object('id', ${a}.id, 'codeSet', ${a}.code_set, 'code', ${a}.code, 'name', ${a}.name,
    'shortName', ${a}.short_name, 'level', ${a}.level, 'typeVi', ${a}.type_vi, 'parentId', ${a}.parent_id,
    'validFrom', ${a}.valid_from, 'validTo', ${a}.valid_to, 'aliases', ${a}.aliases)`;
}

/** The JSON object selected by `unitJson`. */
export type UnitJson = Omit<AdminUnitView, 'parent'> & { parentId: number | null };

/** JSON from `unitJson` → a view. */
export function toUnitView(json: UnitJson): AdminUnitView {
  const { parentId, ...rest } = json;
  return { ...rest, parent: parentId === null ? null : { id: parentId } };
}

const COLUMNS = ['id', 'code_set', 'code', 'name', 'short_name', 'level', 'type_vi', 'parent_id', 'valid_from', 'valid_to', 'aliases'] as const;
const keys = prefixedKeys(COLUMNS);

/** The columns the `AdminUnit` fields read (projections, src/graphql/projection.ts); field resolvers read the ids. */
export const UNIT_TABLE: TableColumns = {
  all: COLUMNS, always: ['id', 'parent_id'],
  computed: { parent: ['parent_id'], children: ['id'], predecessors: ['id'], successors: ['id'], figures: ['id'] },
};

/** Columns of a unit view for `admin_unit` aliased `a`, each prefixed with `prefix`. */
export const unitViewColumns = (a: string, prefix: string) => COLUMNS.map((c) => `${a}.${c} as ${prefix}${c}`).join(', ');

/** A driver row selected with `unitViewColumns(a, p)` → a view. */
export function toUnitViewRow(r: RawRow, p: string): AdminUnitView {
  const k = keys(p);
  const parentId = r[k.parent_id];
  return {
    id: r[k.id], codeSet: r[k.code_set], code: r[k.code], name: r[k.name], shortName: r[k.short_name], level: r[k.level],
    typeVi: r[k.type_vi], validFrom: r[k.valid_from], validTo: r[k.valid_to], aliases: r[k.aliases],
    parent: parentId === null ? null : { id: parentId },
  };
}

/**
 * Fields of a unit view beyond `id`, `name` and the parent's id. A list of thousands of units (a national ranking)
 * that selects none of them reads `unitKeyColumns` only.
 */
export const UNIT_DETAIL_FIELDS = ['codeSet', 'code', 'shortName', 'level', 'typeVi', 'validFrom', 'validTo', 'aliases'] as const;

/** `id`, `name` and `parent_id` of `admin_unit` aliased `a`, prefixed with `prefix` (see `UNIT_DETAIL_FIELDS`). */
export const unitKeyColumns = (a: string, prefix: string) => ['id', 'name', 'parent_id'].map((c) => `${a}.${c} as ${prefix}${c}`).join(', ');

/**
 * A row with `unitKeyColumns(…, p)` → a view with `id`, `name` and `parent` only, for a selection that asks for
 * nothing in `UNIT_DETAIL_FIELDS` (the other keys are absent, never read).
 */
export const toKeyView = (r: RawRow, p: string): AdminUnitView => ({
  id: r[`${p}id`], name: r[`${p}name`], parent: r[`${p}parent_id`] === null ? null : { id: r[`${p}parent_id`] },
}) as AdminUnitView;

/** A view whose `parent` is the parent's whole view (read in the same statement), not only its id. */
export function withLoadedParent(unit: UnitLike): AdminUnitView | null {
  const parent = unit.parent as Partial<AdminUnitView> | null | undefined;
  // a parent read with the unit (a view's, possibly with some columns only) or a loaded entity
  return parent && (isJoined(parent) || parent.codeSet !== undefined) ? parent as AdminUnitView : null;
}

const BY_ID = `select ${unitViewColumns('u', '')} from admin_unit u where u.id in (?)`;
const BY_ID_WITH_PARENT = `select ${unitViewColumns('u', '')}, ${unitViewColumns('p', 'p_')}
  from admin_unit u left join admin_unit p on p.id = u.parent_id where u.id in (?)`;

/** The request's loader of unit views by id (`withParent`: the parent's view joined in the same statement). */
function unitViewLoader(em: EntityManager, withParent: boolean) {
  return withParent
    ? rowLoader<number, AdminUnitView>(em, 'unit.view.byId+parent', BY_ID_WITH_PARENT, (r) => withParentView(r, '', 'p_'), (u) => u.id)
    : rowLoader<number, AdminUnitView>(em, 'unit.view.byId', BY_ID, (r) => toUnitViewRow(r, ''), (u) => u.id);
}

/**
 * A row with a unit's columns (prefix `p`) and its parent's (prefix `pp`, all null without a parent) → a view with its
 * parent's view (marked as joined, so `AdminUnit.parent` returns it).
 */
export function withParentView(r: RawRow, p: string, pp: string): AdminUnitView {
  const view = toUnitViewRow(r, p);
  if (r[keys(pp).id] !== null) view.parent = joined(toUnitViewRow(r, pp));
  return view;
}

/**
 * Units as plain views by id, one statement per GraphQL level for every unit asked (a page's subjects). With
 * `withParent` (the selection asks for the parent) the same statement joins the parent, so the parents of a page
 * cost no statement and no extra round trip. A view already read in this request comes back without a promise.
 */
export function loadUnitView(em: EntityManager, id: number, withParent = false): MaybePromise<AdminUnitView> {
  return loadRow(unitViewLoader(em, withParent), id, 'AdminUnit');
}
