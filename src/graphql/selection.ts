/** What the client selected under the current field, to skip work nobody asked for (e.g. a connection's count). */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** true when `name` is selected directly under the current field (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD && sel.name.value === name) return true;
      if (sel.kind === Kind.INLINE_FRAGMENT && inSet(sel.selectionSet)) return true;
      if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (inSet(info.fragments[sel.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}
