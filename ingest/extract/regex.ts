/**
 * Regex helpers for the engine's hot paths. `String.prototype.matchAll` clones its regex for every call, and a fresh
 * clone of a large alternation (the cue lexicon) runs in V8's regexp interpreter: about ten times slower than the
 * compiled regex it came from. `matchesOf` reads the same matches from the original object. Pure.
 *
 * Public surface: {@link matchesOf}.
 */

/**
 * Every match of the global regex `re` in `s`, exactly as `[...s.matchAll(re)]` gives them (same order, indices and
 * groups), reusing `re` itself. `re.lastIndex` is 0 before and after; nothing else may run `re` meanwhile.
 */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m);
    // An empty match would repeat forever: step past it as matchAll does (AdvanceStringIndex).
    if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function advance(s: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= s.length) return index + 1;
  const c = s.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = s.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
