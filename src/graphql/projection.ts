/**
 * Projections built from the selection: which columns of a table a page's statement must read for the fields the
 * request selects, so a list of 50 figures with their provenance reads the columns it shows and not every column of
 * five tables (what the database formats and the driver parses grew with the width of the rows, not with the answer).
 *
 * A type's columns are named like its fields (snake_case of the GraphQL field); a field resolver that reads other
 * columns declares them; any field not known either way reads every column, so a new field is correct before it is
 * fast.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields selected under `nodes` (one field's nodes: aliases and fragments merged), by field name → their nodes.
 * Type conditions are ignored: every field named under any fragment counts (reading a column too many is harmless).
 */
export function subfields(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const list = out.get(sel.name.value);
        if (list) list.push(sel);
        else out.set(sel.name.value, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        walk(info.fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) walk(node.selectionSet);
  return out;
}

/** The columns of one table that its GraphQL type's fields read. */
export interface TableColumns {
  /** Every column the type's row mapper reads (what a field not known here gets). */
  all: readonly string[];
  /** Columns always read: the key and what the statement orders or joins by. */
  always: readonly string[];
  /** Columns of the fields that are not a column of the same (snake_case) name: field resolvers. */
  computed: Readonly<Record<string, readonly string[]>>;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The columns of `table` that the fields `fields` read (in the order of `table.all`). */
export function columnsOf(table: TableColumns, fields: Iterable<string>): string[] {
  const wanted = new Set(table.always);
  const all = new Set(table.all);
  for (const field of fields) {
    if (field === '__typename') continue;
    const computed = table.computed[field];
    if (computed) {
      for (const c of computed) wanted.add(c);
    } else if (all.has(snake(field))) {
      wanted.add(snake(field));
    } else {
      return [...table.all];
    }
  }
  return table.all.filter((c) => wanted.has(c));
}

/** SQL select list: `columns` of the table aliased `alias`, each as `<prefix><column>`. */
export function selectList(alias: string, prefix: string, columns: readonly string[]): string {
  return columns.map((c) => `${alias}.${c} as ${prefix}${c}`).join(', ');
}

/**
 * Marks a related row read by the statement of the row it belongs to (a page's subject with its parent, a document
 * with its source): the field resolver returns it as it is instead of loading it.
 */
export const JOINED: unique symbol = Symbol('joined');

/** `row` marked as read with its parent row (see {@link JOINED}). */
export function joined<T extends object>(row: T): T {
  (row as T & { [JOINED]?: true })[JOINED] = true;
  return row;
}

/** true when `row` was read with the row it belongs to. */
export function isJoined(row: unknown): boolean {
  return typeof row === 'object' && row !== null && (row as { [JOINED]?: true })[JOINED] === true;
}
