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

/** Units as plain views by id, one statement per GraphQL level (a page's subjects, then their parents). */
export function loadUnitView(em: EntityManager, id: number): Promise<AdminUnitView> {
  const loader = rowLoader<number, AdminUnitView>(em, 'unit.view.byId',
    `select id, code_set, code, name, short_name, level, type_vi, parent_id, valid_from, valid_to, aliases from admin_unit where id in (?)`,
    (r: RawRow) => ({
      id: r.id, codeSet: r.code_set, code: r.code, name: r.name, shortName: r.short_name, level: r.level, typeVi: r.type_vi,
      validFrom: r.valid_from, validTo: r.valid_to, aliases: r.aliases, parent: r.parent_id === null ? null : { id: r.parent_id },
    }), (u) => u.id);
  return loadRow(loader, id, 'AdminUnit');
}
