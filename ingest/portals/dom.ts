/**
 * Fast DOM queries with exactly cheerio's semantics, for the adapters' hot path.
 *
 * `$(selector)` walks the whole document and compiles the selector on every call; an adapter makes a dozen or two
 * such calls per page, so on a 50 KB portal page they cost more than parsing it. Here a page is indexed once (elements
 * in document order, by tag, class and id) and compiled selectors are cached, so a query only tests the few elements
 * that can match. Matching itself is still css-select's, with the options cheerio passes, so results — elements and
 * their order — are the same as cheerio's `$(sel)`, `el.find(sel)`, `closest`, `parents` and `text()`.
 *
 * The adapters also read "virtual clones" ({@link VTree}): cheerio code cloned a subtree, removed furniture from the
 * clone and queried it. A VTree is the original subtree seen through a set of removed nodes, with the clone's
 * boundary (its root has no parent or siblings) and optional replacement text for text nodes, so nothing is copied
 * and the parsed document is never modified.
 *
 * Public surface: {@link Page}, {@link VTree}, {@link textOf}, {@link liveTagChildren}, {@link nextLiveElementSibling},
 * {@link forEachDescendant}, {@link isRemoved}, {@link compiledQuery}, {@link boundedQuery}, {@link attrOf}.
 */
import type { CheerioAPI } from 'cheerio';
import { compile } from 'css-select';
import * as DomUtils from 'domutils';
import type { AnyNode, Document, Element, Text } from 'domhandler';

/** A compiled selector: true when the element matches. */
export type Query = (el: Element) => boolean;

/** domhandler's isTag: elements, including script and style. */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** domhandler's hasChildren (an own `children` array: elements, documents, CDATA). */
function childrenOf(node: AnyNode): AnyNode[] | null {
  return (node as { children?: AnyNode[] }).children ?? null;
}

/**
 * A subtree seen as cheerio saw its clone after `.remove()` calls: `root` has no parent or siblings, nodes in
 * `removed` (and everything under them) are gone, and text nodes in `textOverride` read as their replacement.
 */
export interface VTree {
  root: Element;
  removed: Set<AnyNode>;
  textOverride?: Map<Text, string>;
}

/** true when `node` (inside `v.root`) or one of its ancestors below the root was removed from the virtual clone. */
export function isRemoved(node: AnyNode, v: VTree | null | undefined): boolean {
  if (!v || v.removed.size === 0) return false;
  for (let n: AnyNode | null = node; n && n !== v.root; n = n.parent) if (v.removed.has(n)) return true;
  return false;
}

function textData(t: Text, v: VTree | null | undefined): string {
  return v?.textOverride?.get(t) ?? t.data;
}

/** domutils `textContent` (what cheerio's `.text()` returns) of the live part of `node`. */
export function textOf(node: AnyNode, v?: VTree | null): string {
  if (node.type === 'text') return textData(node as Text, v);
  const kids = childrenOf(node);
  if (!kids || node.type === 'comment') return '';
  let out = '';
  const stack: AnyNode[][] = [kids];
  const idx: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const list = stack[top];
    if (idx[top] >= list.length) {
      stack.pop();
      idx.pop();
      continue;
    }
    const n = list[idx[top]++];
    if (v && v.removed.size > 0 && v.removed.has(n)) continue;
    if (n.type === 'text') out += textData(n as Text, v);
    else if (n.type !== 'comment') {
      const c = childrenOf(n);
      if (c && c.length > 0) {
        stack.push(c);
        idx.push(0);
      }
    }
  }
  return out;
}

/** cheerio `.children()` of an element in a virtual clone: element children not removed. */
export function liveTagChildren(el: AnyNode, v?: VTree | null): Element[] {
  const out: Element[] = [];
  for (const c of childrenOf(el) ?? []) if (isElement(c) && !(v && v.removed.has(c))) out.push(c);
  return out;
}

/** cheerio `.next()` in a virtual clone: the next element sibling not removed; the clone's root has none. */
export function nextLiveElementSibling(el: AnyNode, v?: VTree | null): Element | null {
  if (v && el === v.root) return null;
  for (let n = el.next; n; n = n.next) if (isElement(n) && !(v && v.removed.has(n))) return n;
  return null;
}

/**
 * Visit the elements cheerio's `el.find(…)` tests, in its order: every live element below `el`, reached through
 * `el`'s element children (depth-first, pre-order). Return false from `visit` to skip an element's subtree.
 *
 * `relative`: `el` has an element parent, so cheerio made the selector relative to it (`:scope …`) and an element
 * matches only if its ancestors up to `el` are all elements — nothing inside template content or CDATA.
 */
export function forEachDescendant(el: AnyNode, v: VTree | null | undefined, visit: (e: Element) => boolean | void, relative = false): void {
  const top = liveTagChildren(el, v);
  const stack: AnyNode[][] = [top];
  const idx: number[] = [0];
  const removed = v && v.removed.size > 0 ? v.removed : null;
  while (stack.length > 0) {
    const t = stack.length - 1;
    const list = stack[t];
    if (idx[t] >= list.length) {
      stack.pop();
      idx.pop();
      continue;
    }
    const n = list[idx[t]++];
    if (removed && removed.has(n)) continue;
    let descend = true;
    if (isElement(n)) {
      if (visit(n) === false) descend = false;
    } else if (relative) descend = false;
    const c = descend ? childrenOf(n) : null;
    if (c && c.length > 0) {
      stack.push(c);
      idx.push(0);
    }
  }
}

/** cheerio's `.attr(name)` for the attributes the adapters read (boolean attributes answer their own name). */
const BOOLEAN_ATTR_RE = /^(?:autofocus|autoplay|async|checked|controls|defer|disabled|hidden|loop|multiple|open|readonly|required|scoped|selected)$/i;
export function attrOf(el: Element | null | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const attribs = el.attribs ?? {};
  if (Object.prototype.hasOwnProperty.call(attribs, name)) return BOOLEAN_ATTR_RE.test(name) ? name : attribs[name];
  if (el.name === 'option' && name === 'value') return textOf(el);
  if (el.name === 'input' && (attribs.type === 'radio' || attribs.type === 'checkbox') && name === 'value') return 'on';
  return undefined;
}

// --- compiled selectors --------------------------------------------------------------------------------------

const compiled = new Map<string, Query>();

/** A selector compiled as cheerio compiles it for `$(sel)`, `.is`, `.closest` and `.filter` (cached). */
export function compiledQuery(selector: string): Query {
  let q = compiled.get(selector);
  if (!q) {
    q = compile<AnyNode, Element>(selector, {}) as Query;
    compiled.set(selector, q);
  }
  return q;
}

/** The virtual clone the bounded adapter currently answers for (set around each bounded match). */
let currentTree: VTree | null = null;

function boundedChildren(node: AnyNode): AnyNode[] {
  const kids = DomUtils.getChildren(node);
  const v = currentTree;
  return v && v.removed.size > 0 ? kids.filter((c) => !v.removed.has(c)) : kids;
}

/** domutils as css-select uses it, but with the virtual clone's boundary and removals. */
const boundedAdapter = {
  ...DomUtils,
  getParent(node: Element): AnyNode | null {
    return currentTree && node === currentTree.root ? null : DomUtils.getParent(node);
  },
  getChildren: boundedChildren,
  getSiblings(node: AnyNode): AnyNode[] {
    if (currentTree && node === currentTree.root) return [node];
    const parent = DomUtils.getParent(node as Element);
    return parent ? boundedChildren(parent) : DomUtils.getSiblings(node);
  },
  prevElementSibling(node: AnyNode): Element | null {
    if (currentTree && node === currentTree.root) return null;
    for (let p = node.prev; p; p = p.prev) if (isElement(p) && !currentTree?.removed.has(p)) return p;
    return null;
  },
  getText(node: AnyNode): string {
    // domutils' getText (for `:contains`): elements (br = newline) and CDATA descend, text reads, the rest is empty.
    if (isElement(node)) return node.name === 'br' ? '\n' : boundedChildren(node).map((c) => boundedAdapter.getText(c)).join('');
    if (node.type === 'cdata') return boundedChildren(node).map((c) => boundedAdapter.getText(c)).join('');
    if (node.type === 'text') return textData(node as Text, currentTree);
    return '';
  },
  existsOne(test: (e: Element) => boolean, nodes: AnyNode[]): boolean {
    return nodes.some((n) => isElement(n) && !currentTree?.removed.has(n) && (test(n) || boundedAdapter.existsOne(test, boundedChildren(n))));
  },
  findAll(test: (e: Element) => boolean, nodes: AnyNode[]): Element[] {
    // domutils' findAll: elements only, pre-order, not descending into non-elements.
    const out: Element[] = [];
    for (const n of nodes) {
      if (!isElement(n) || currentTree?.removed.has(n)) continue;
      if (test(n)) out.push(n);
      out.push(...boundedAdapter.findAll(test, boundedChildren(n)));
    }
    return out;
  },
  findOne(test: (e: Element) => boolean, nodes: AnyNode[]): Element | null {
    for (const n of nodes) {
      if (currentTree?.removed.has(n) || !isElement(n)) continue;
      if (test(n)) return n;
      const found = boundedAdapter.findOne(test, boundedChildren(n));
      if (found) return found;
    }
    return null;
  },
};

const boundedCompiled = new Map<string, Query>();

/**
 * A selector as cheerio matches it inside a clone (`clone.find(sel)`): ancestors above the clone's root do not
 * exist and removed nodes are gone. The returned function takes the tree to match in.
 */
export function boundedQuery(selector: string): (el: Element, v: VTree) => boolean {
  let q = boundedCompiled.get(selector);
  if (!q) {
    q = compile<AnyNode, Element>(selector, { adapter: boundedAdapter as unknown as typeof DomUtils }) as Query;
    boundedCompiled.set(selector, q);
  }
  const query = q;
  return (el, v) => {
    const saved = currentTree;
    currentTree = v;
    try {
      return query(el);
    } finally {
      currentTree = saved;
    }
  };
}

// --- selector keys (which index lists can hold a match) ----------------------------------------------------------

/**
 * What a matching element must carry, per comma-separated part of a selector: the id, a class or the tag of the
 * part's rightmost compound, or of its leftmost one when all combinators are descendant/child ones (a match then
 * lies inside such an element). Only a pre-filter: css-select still decides.
 *
 * Keys are exact, not lower-cased: cheerio compiles `#id` and `.class` case-sensitively (no quirks mode) and
 * compares tag names with the lower-cased selector, so an element can only match under its own spelling.
 */
interface PartKey {
  kind: 'id' | 'class' | 'tag';
  value: string;
  /** true: the match is the keyed element itself; false: it lies inside one. */
  self: boolean;
}

interface SelectorInfo {
  /** One key per comma-separated part; null when some part names nothing usable (every element is a candidate). */
  keys: PartKey[] | null;
  /** Whether some part has a combinator (then a scoped find is relative to its scope). */
  combinators: boolean;
}

const selectorCache = new Map<string, SelectorInfo>();

function splitTopLevel(s: string, sep: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (depth === 0 && sep(ch)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

const ATTR_BLOCK = String.raw`\[[^\]"']*(?:"[^"]*"[^\]"']*|'[^']*'[^\]"']*)*\]`;
/** A compound the key reader understands: optional tag or `*`, then ids, classes and attribute blocks. */
const COMPOUND_RE = new RegExp(String.raw`^([A-Za-z][A-Za-z0-9-]*|\*)?((?:[#.][A-Za-z0-9_-]+|${ATTR_BLOCK})*)$`);
const ATTR_BLOCK_RE = new RegExp(ATTR_BLOCK, 'g');

function compoundKey(compound: string, self: boolean): PartKey | null {
  const m = COMPOUND_RE.exec(compound);
  if (!m) return null; // pseudo-classes, escapes, anything unusual
  const outside = m[2].replace(ATTR_BLOCK_RE, '[]');
  const id = /#([A-Za-z0-9_-]+)/.exec(outside);
  if (id) return { kind: 'id', value: id[1], self };
  const cls = /\.([A-Za-z0-9_-]+)/.exec(outside);
  if (cls) return { kind: 'class', value: cls[1], self };
  return m[1] && m[1] !== '*' ? { kind: 'tag', value: m[1].toLowerCase(), self } : null;
}

function selectorInfo(selector: string): SelectorInfo {
  let info = selectorCache.get(selector);
  if (info) return info;
  const keys: PartKey[] = [];
  let usable = true;
  let combinators = false;
  for (const part of splitTopLevel(selector, (ch) => ch === ',')) {
    // Compounds and the combinators between them.
    const tokens = splitTopLevel(part.trim().replace(/\s*([>+~])\s*/g, '$1'), (ch) => /[\s>+~]/.test(ch));
    const compounds = tokens.filter((t) => t !== '');
    if (compounds.length > 1) combinators = true;
    let key = compoundKey(compounds[compounds.length - 1] ?? '', true);
    if (!key && compounds.length > 1 && !/[+~]/.test(part.replace(ATTR_BLOCK_RE, ''))) key = compoundKey(compounds[0], false);
    if (key) keys.push(key);
    else usable = false;
  }
  info = { keys: usable && keys.length > 0 ? keys : null, combinators };
  selectorCache.set(selector, info);
  return info;
}

// --- the per-document index ----------------------------------------------------------------------------------

interface DomIndex {
  /** Elements in document (pre-)order. */
  els: Element[];
  /** end[i]: position of the last element inside els[i]'s subtree. */
  end: number[];
  byTag: Map<string, number[]>;
  byClass: Map<string, number[]>;
  byId: Map<string, number[]>;
  /** Nodes with a non-element child that has children (CDATA, template content): cheerio's find skips those. */
  odd: Set<AnyNode>;
  /** Positions of elements below such a child (their ancestors are not all elements). */
  sheltered: Set<number>;
}

function addTo(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

const SPACE_RE = /\s+/;

function buildIndex(doc: Document): DomIndex {
  const els: Element[] = [];
  const end: number[] = [];
  const byTag = new Map<string, number[]>();
  const byClass = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  const odd = new Set<AnyNode>();
  const sheltered = new Set<number>();
  // Iterative pre-order walk (deeply nested junk must not overflow the stack).
  const lists: AnyNode[][] = [doc.children];
  const next: number[] = [0];
  const owners: number[] = [-1];
  /** How many open non-element containers (CDATA, template content) enclose the current node. */
  const shelters: boolean[] = [false];
  let shelterDepth = 0;
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top];
    if (next[top] >= list.length) {
      const owner = owners[top];
      if (owner >= 0) end[owner] = els.length - 1;
      if (shelters[top]) shelterDepth--;
      lists.pop();
      next.pop();
      owners.pop();
      shelters.pop();
      continue;
    }
    const n = list[next[top]++];
    let owner = -1;
    if (isElement(n)) {
      owner = els.length;
      els.push(n);
      end.push(owner);
      if (shelterDepth > 0) sheltered.add(owner);
      addTo(byTag, n.name, owner);
      const attribs = n.attribs ?? {};
      const id = attribs.id;
      if (id) addTo(byId, id, owner);
      const cls = attribs.class;
      if (cls) {
        if (cls.indexOf(' ') < 0 && !SPACE_RE.test(cls)) addTo(byClass, cls, owner);
        else for (const c of cls.split(SPACE_RE)) if (c) addTo(byClass, c, owner);
      }
    }
    const kids = childrenOf(n);
    if (kids && kids.length > 0) {
      const shelter = owner < 0;
      if (shelter) {
        if (n.parent) odd.add(n.parent);
        shelterDepth++;
      }
      lists.push(kids);
      next.push(0);
      owners.push(owner);
      shelters.push(shelter);
    }
  }
  return { els, end, byTag, byClass, byId, odd, sheltered };
}

/** Positions in [lo, hi] of a sorted list. */
function inRange(list: readonly number[], lo: number, hi: number): number[] {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (list[mid] < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let i = a; i < list.length && list[i] <= hi; i++) out.push(list[i]);
  return out;
}

/** One parsed page: cheerio's API for anything unusual, and indexed queries for the adapters' selectors. */
export class Page {
  readonly doc: Document;
  private index: DomIndex | null = null;
  private lastScope: AnyNode | null = null;
  private lastScopePos = -1;

  constructor(readonly $: CheerioAPI) {
    this.doc = $.root()[0] as unknown as Document;
  }

  private idx(): DomIndex {
    this.index ??= buildIndex(this.doc);
    return this.index;
  }

  private posOf(el: AnyNode): number {
    if (el !== this.lastScope) {
      this.lastScope = el;
      this.lastScopePos = this.idx().els.indexOf(el as Element);
    }
    return this.lastScopePos;
  }

  /**
   * Candidate positions for `selector` strictly inside `scope` (or anywhere in the document), in document order.
   * Returns null when cheerio's traversal differs from the index's (CDATA or template content directly inside).
   */
  private candidates(info: SelectorInfo, scope: AnyNode | null): number[] | null {
    const index = this.idx();
    if (index.odd.has(scope ?? this.doc)) return null;
    let lo = 0;
    let hi = index.els.length - 1;
    if (scope) {
      const p = this.posOf(scope);
      if (p < 0) return null;
      lo = p + 1;
      hi = index.end[p];
    }
    if (!info.keys) {
      const out: number[] = [];
      for (let i = lo; i <= hi; i++) out.push(i);
      return out;
    }
    const lists: number[][] = [];
    for (const key of info.keys) {
      const map = key.kind === 'id' ? index.byId : key.kind === 'class' ? index.byClass : index.byTag;
      const list = map.get(key.value) ?? [];
      if (key.self) lists.push(inRange(list, lo, hi));
      else {
        // Inside some keyed element: the union of their subtrees (nested ones add nothing new).
        let covered = -1;
        const out: number[] = [];
        for (const k of list) {
          const from = Math.max(k + 1, lo, covered + 1);
          const to = Math.min(index.end[k], hi);
          for (let i = from; i <= to; i++) out.push(i);
          covered = Math.max(covered, to);
        }
        lists.push(out);
      }
    }
    if (lists.length === 1) return lists[0];
    const all = ([] as number[]).concat(...lists).sort((a, b) => a - b);
    return all.filter((x, i) => i === 0 || x !== all[i - 1]);
  }

  /**
   * cheerio's `$(selector)` (no scope) or `$(scope).find(selector)` (an element of this document, or a virtual
   * clone), as an array in document order. `limit` stops after that many matches.
   */
  select(selector: string, scope?: Element | VTree | null, limit = Infinity): Element[] {
    const out: Element[] = [];
    if (limit <= 0) return out;
    if (scope && 'removed' in scope) return this.selectInTree(selector, scope, limit);
    const el = scope ?? null;
    const info = selectorInfo(selector);
    const cands = this.candidates(info, el);
    if (cands === null) return this.$(el ?? this.doc).find(selector).toArray().filter(isElement).slice(0, limit);
    // Inside an element that has an element parent, cheerio makes the selector relative to it (`:scope …`), which
    // matters only when a compound left of a combinator could match the scope or above it, or when the way up from a
    // candidate to the scope leaves the elements (template content, CDATA).
    const { els, sheltered } = this.idx();
    const relative = el !== null && !!el.parent && isElement(el.parent) && (info.combinators || (sheltered.size > 0 && cands.some((i) => sheltered.has(i))));
    const query = relative ? (compile<AnyNode, Element>(selector, { context: [el] }) as Query) : compiledQuery(selector);
    for (const i of cands) {
      if (query(els[i])) {
        out.push(els[i]);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  /** First match of {@link select}, or null. */
  first(selector: string, scope?: Element | VTree | null): Element | null {
    return this.select(selector, scope, 1)[0] ?? null;
  }

  private selectInTree(selector: string, v: VTree, limit: number): Element[] {
    const out: Element[] = [];
    const cands = this.candidates(selectorInfo(selector), v.root);
    const query = boundedQuery(selector);
    if (cands === null) {
      forEachDescendant(v.root, v, (e) => {
        if (out.length < limit && query(e, v)) out.push(e);
      });
      return out;
    }
    const { els } = this.idx();
    for (const i of cands) {
      const e = els[i];
      if (isRemoved(e, v) || !query(e, v)) continue;
      out.push(e);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** cheerio's `$(el).closest(selector)[0]`. */
  closest(el: AnyNode | null | undefined, selector: string): Element | null {
    const query = compiledQuery(selector);
    let n: AnyNode | null = el ?? null;
    if (n && n.type !== 'root' && !isElement(n)) n = n.parent;
    for (; n && isElement(n); n = n.parent) if (query(n)) return n;
    return null;
  }

  /** cheerio's `$(el).parents(selector)`: matching ancestors, nearest first. */
  parents(el: AnyNode, selector: string): Element[] {
    const query = compiledQuery(selector);
    const out: Element[] = [];
    for (let n = el.parent; n && n.type !== 'root'; n = n.parent) if (isElement(n) && query(n)) out.push(n);
    return out;
  }
}
