/** What the client selected under the current field, to skip work nobody asked for (a connection's count, a large column). */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * true when the field path `path` is selected under the current field (through fragments and aliases too), e.g.
 * `['edges', 'node', 'text']` under a connection.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  /** The selection sets of every field called `name` directly in `set`. */
  const children = (set: SelectionSetNode | undefined, name: string, out: SelectionSetNode[], seen: Set<string>): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD && sel.name.value === name) {
        if (!sel.selectionSet) return true; // a leaf: found
        out.push(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (children(sel.selectionSet, name, out, seen)) return true;
      } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (children(info.fragments[sel.name.value]?.selectionSet, name, out, seen)) return true;
      }
    }
    return false;
  };
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((s): s is SelectionSetNode => s !== undefined);
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    for (const set of sets) if (children(set, name, next, new Set())) return true;
    if (next.length === 0) return false;
    sets = next;
  }
  return sets.length > 0;
}

/** true when `name` is selected directly under the current field (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsPath(info, [name]);
}
