/**
 * Head-noun lookup built from the lexicon: which noun class a folded phrase names.
 *
 * Public surface: `NOUN_BY_PHRASE`, `NOUN_ALTERNATION`, `nounClassOf`.
 */
import { HEAD_NOUNS, type NounClass } from './lexicon';

/** Folded phrase → noun class; the first class listing a phrase wins. */
export const NOUN_BY_PHRASE: ReadonlyMap<string, NounClass> = (() => {
  const map = new Map<string, NounClass>();
  for (const { noun, phrases } of HEAD_NOUNS) for (const p of phrases) if (!map.has(p)) map.set(p, noun);
  return map;
})();

/** Regex source matching any head-noun phrase, longest first so "ho so" is not read as "ho" (household). */
export const NOUN_ALTERNATION = [...NOUN_BY_PHRASE.keys()]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.replace(/ /g, '\\s+'))
  .join('|');

/** Noun class of a matched phrase (whitespace-insensitive), or null. */
export function nounClassOf(phrase: string): NounClass | null {
  return NOUN_BY_PHRASE.get(phrase.replace(/\s+/g, ' ')) ?? null;
}
