/**
 * A unit as plain values, read in the same statement as the figures it comes with (rankings and series list dozens
 * of units; hydrating each as a managed entity cost more CPU than the query itself). It carries every scalar field of
 * the GraphQL `AdminUnit` type, and `parent` as an id, so the `AdminUnit` field resolvers serve views and entities alike.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminUnit } from './admin-unit.entity';
import { loadRow, rowLoader, type RawRow } from '../../graphql/rows';

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

/**
 * Columns of a unit view for `admin_unit` aliased `a`, each prefixed with `prefix`: plain columns cost less than a
 * `unitJson` object when thousands of units come back (a 3,321-commune ranking), in SQL and in the driver.
 */
export const unitColumns = (a: string, prefix: string) => ['id', 'code_set', 'code', 'name', 'short_name', 'level', 'type_vi', 'parent_id',
  'valid_from', 'valid_to', 'aliases'].map((c) => `${a}.${c} as ${prefix}${c}`).join(', ');

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

/** A row with `unitColumns(…, p)` → the unit's view. */
export const toView = (r: RawRow, p: string): AdminUnitView => ({
  id: r[`${p}id`], codeSet: r[`${p}code_set`], code: r[`${p}code`], name: r[`${p}name`], shortName: r[`${p}short_name`], level: r[`${p}level`],
  typeVi: r[`${p}type_vi`], validFrom: r[`${p}valid_from`], validTo: r[`${p}valid_to`], aliases: r[`${p}aliases`],
  parent: r[`${p}parent_id`] === null ? null : { id: r[`${p}parent_id`] },
});

/** A view whose `parent` is the parent's whole view (read in the same statement), not only its id. */
export function withLoadedParent(unit: UnitLike): AdminUnitView | null {
  const parent = unit.parent as Partial<AdminUnitView> | null | undefined;
  return parent && parent.codeSet !== undefined ? parent as AdminUnitView : null;
}

/**
 * Units as plain views by id, one statement per GraphQL level for every unit asked (a page's subjects). With
 * `withParent` (the selection asks for the parent) the same statement joins the parent, so the parents of a page
 * cost no statement and no extra round trip.
 */
export function loadUnitView(em: EntityManager, id: number, withParent = false): Promise<AdminUnitView> {
  const loader = withParent
    ? rowLoader<number, AdminUnitView>(em, 'unit.view.byId+parent',
      `select ${unitColumns('u', '')}, ${unitColumns('p', 'p_')} from admin_unit u left join admin_unit p on p.id = u.parent_id where u.id in (?)`,
      (r) => {
        const view = toView(r, '');
        if (r.p_id !== null) view.parent = toView(r, 'p_');
        return view;
      }, (u) => u.id)
    : rowLoader<number, AdminUnitView>(em, 'unit.view.byId', `select ${unitColumns('u', '')} from admin_unit u where u.id in (?)`,
      (r) => toView(r, ''), (u) => u.id);
  return loadRow(loader, id, 'AdminUnit');
}
