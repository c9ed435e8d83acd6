/**
 * Page parsing for the adapters: htmlparser2 (linear in the input) instead of cheerio's default parse5, whose tree
 * builder is quadratic on deep nesting (40k nested `<div>`s took 13 s and blocked the event loop).
 *
 * On top of a plain `htmlparser2.parseDocument`, three HTML5 tree-building rules that parse5 follows and htmlparser2
 * does not, where portal markup meets them (checked by bench/parser-parity.ts on every fixture and mirror page):
 * - heading end tags: `</h2>` closes an open `<h1>` (any h1–h6 end tag closes the open heading). htmlparser2 ignores
 *   an end tag with no element of that name open, so `<h1>Title</h2><p>…` would put the whole page into the heading;
 * - quirks mode (no doctype, or a legacy one): `<table>` does not close an open `<p>`;
 * - a `<tr>` directly in a `<table>` gets an implied `<tbody>` around it.
 * - Limits: nesting depth and node count are capped while parsing (the parse stops at the first node over a limit),
 *   so a hostile or broken page costs at most a bounded amount of work and memory. {@link HtmlLimitError} says which
 *   limit; the portal registry turns it into a per-item skip (PageTooComplexError).
 *
 * Cheerio is then bound to the parsed document in htmlparser2 mode (`xml: { xmlMode: false }`), so serialisation and
 * selector matching use HTML (not XML) rules. cheerio 1.2 switches to htmlparser2 when the `xml` option is set; with
 * `xmlMode: false` inside it the parser and serialiser stay in HTML mode.
 *
 * Public surface: {@link parseHtmlDocument}, {@link loadCheerio}, {@link HtmlLimitError}, {@link HtmlLimits},
 * {@link DEFAULT_HTML_LIMITS}, {@link loadCheerioParse5} (the previous parser, for parity checks and benchmarks).
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { Parser } from 'htmlparser2';
import { parse as parse5Parse } from 'parse5';
import { DomHandler, type Document, type ChildNode } from 'domhandler';

export interface HtmlLimits {
  /** Deepest element nesting accepted (the `<html>` element is depth 1). */
  maxDepth: number;
  /** Most nodes (elements, text, comments, …) accepted in one page. */
  maxNodes: number;
}

/**
 * Real portal pages nest 20–40 elements deep and hold a few thousand nodes (the +chrome benchmark pages ≈ 3,000); a
 * page at the body size limit (see the fetcher's maxBodyBytes) of plain markup holds ≈ 100k nodes.
 */
export const DEFAULT_HTML_LIMITS: Readonly<HtmlLimits> = { maxDepth: 400, maxNodes: 200_000 };

/** The page exceeds a parsing limit; thrown while parsing, so the rest of the page is never read. */
export class HtmlLimitError extends Error {
  constructor(
    readonly limit: 'depth' | 'nodes',
    readonly max: number,
  ) {
    super(limit === 'depth'
      ? `elements nest deeper than ${max} levels`
      : `more than ${max} nodes`);
    this.name = 'HtmlLimitError';
  }
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The parser fields this subclass reads (private in htmlparser2's typings, stable in its code since v7). */
interface ParserInternals {
  stack: string[];
  cbs: { onclosetag?: (name: string, isImplied: boolean) => void };
  getSlice(start: number, end: number): string;
  endIndex: number;
  startIndex: number;
}

/** HTML5 document mode from a doctype declaration (`!DOCTYPE …` as htmlparser2 reports it), as parse5 decides it. */
function documentMode(declaration: string): 'quirks' | 'limited-quirks' | 'no-quirks' {
  // Parsing a lone doctype costs nothing and follows the spec's long list of legacy public identifiers exactly.
  return parse5Parse(`<${declaration}>`).mode;
}

/** htmlparser2's HTML mode plus the HTML5 rules in the file comment. */
class Html5ishParser extends Parser {
  /** Set by the doctype when one comes before the first element; without one the document is in quirks mode. */
  private mode: 'quirks' | 'limited-quirks' | 'no-quirks' | null = null;

  override ondeclaration(start: number, endIndex: number): void {
    const self = this as unknown as ParserInternals;
    const value = self.getSlice(start, endIndex);
    if (this.mode === null && /^!doctype\b/i.test(value)) this.mode = documentMode(value);
    super.ondeclaration(start, endIndex);
  }

  /** htmlparser2's (private) emitOpenTag with the quirks-mode table rule and the implied tbody. */
  private emitOpenTagHtml5(name: string, base: (name: string) => void): void {
    const self = this as unknown as ParserInternals;
    this.mode ??= 'quirks';
    if (name === 'tr' && self.stack[0] === 'table') {
      base('tbody');
      (this as unknown as { endOpenTag(implied: boolean): void }).endOpenTag(true);
    }
    if (name === 'table' && this.mode === 'quirks' && self.stack[0] === 'p') {
      // htmlparser2 closes open `p`s on the top of the stack before a table; a marker on top keeps them open.
      self.stack.unshift('#quirks');
      base(name);
      self.stack.splice(1, 1);
      return;
    }
    base(name);
  }
  override onclosetag(start: number, endIndex: number): void {
    const self = this as unknown as ParserInternals;
    const name = self.getSlice(start, endIndex).toLowerCase();
    if (HEADINGS.has(name) && !self.stack.includes(name)) {
      const pos = self.stack.findIndex((n) => HEADINGS.has(n));
      if (pos !== -1) {
        self.endIndex = endIndex;
        for (let i = 0; i <= pos; i++) {
          const open = self.stack.shift()!;
          self.cbs.onclosetag?.(open, i !== pos);
        }
        self.startIndex = endIndex + 1;
        return;
      }
    }
    super.onclosetag(start, endIndex);
  }
}

{
  const proto = Html5ishParser.prototype as unknown as { emitOpenTag(name: string): void; emitOpenTagHtml5(name: string, base: (n: string) => void): void };
  const base = (Parser.prototype as unknown as { emitOpenTag(name: string): void }).emitOpenTag;
  proto.emitOpenTag = function emitOpenTag(this: typeof proto, name: string): void {
    this.emitOpenTagHtml5(name, (n) => base.call(this, n));
  };
}

/** DomHandler that counts nodes and depth as they are added, and stops the parse past a limit. */
class LimitedDomHandler extends DomHandler {
  private nodes = 0;

  constructor(private readonly limits: HtmlLimits) {
    super(undefined, { xmlMode: false });
  }

  override addNode(node: ChildNode): void {
    if (++this.nodes > this.limits.maxNodes) throw new HtmlLimitError('nodes', this.limits.maxNodes);
    super.addNode(node);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // tagStack holds the document root plus the open elements.
    if (this.tagStack.length - 1 > this.limits.maxDepth) throw new HtmlLimitError('depth', this.limits.maxDepth);
  }
}

/** Options cheerio gets for a document parsed here: htmlparser2, HTML mode, entities decoded. */
const CHEERIO_OPTIONS = { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } } as const;

/** Parse `html` into a domhandler Document in linear time; throws {@link HtmlLimitError} past a limit. */
export function parseHtmlDocument(html: string, limits: HtmlLimits = DEFAULT_HTML_LIMITS): Document {
  const handler = new LimitedDomHandler(limits);
  new Html5ishParser(handler, { xmlMode: false, decodeEntities: true }).end(html);
  return handler.root;
}

/** cheerio bound to `html` parsed by {@link parseHtmlDocument}. */
export function loadCheerio(html: string, limits: HtmlLimits = DEFAULT_HTML_LIMITS): CheerioAPI {
  return cheerio.load(parseHtmlDocument(html, limits), CHEERIO_OPTIONS);
}

/** The previous parser (cheerio's default, parse5), kept only to check and measure the switch. */
export function loadCheerioParse5(html: string): CheerioAPI {
  return cheerio.load(html);
}
