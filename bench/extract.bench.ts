/**
 * `npm run bench:extract`: throughput of the figure-extraction engine on one core.
 *
 * 1. text → figures over ≥ 1,000 articles (the labelled set's texts, repeated with varied numbers), in articles/s;
 *    target ≥ 1,000 articles/s.
 * 2. HTML → figures (portal page cleaner + engine) against a bare `cheerio.load` of the same pages, as a ratio;
 *    target ≤ 1.5. Pages are the texts wrapped in a simple article template.
 * Prints numbers only; nothing is asserted (timings belong here, not in unit tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { contextFromLabel, type LabelledArticle } from '../ingest/extract/evaluate';
import { figuresFromText } from '../ingest/extract/figures';
import type { ExtractionContext } from '../ingest/types';

const LABELLED_DIR = resolve(__dirname, '../test/fixtures/labelled');
const MIN_ARTICLES = 1000;
const WARMUP_ROUNDS = 2;

interface BenchArticle {
  text: string;
  ctx: ExtractionContext;
  html: string;
  url: string;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A simple article page (WordPress-like markup) around a text, so the page cleaner has real work to do. */
function wrapHtml(title: string, text: string, published: Date | null): string {
  const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('\n');
  const iso = published ? published.toISOString() : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<div class="td-main-content-wrap"><article><header class="td-post-title"><h1 class="entry-title">${escapeHtml(title)}</h1>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${iso}">${iso.slice(0, 10)}</time></span></header>
<div class="td-post-content">${paragraphs}</div></article>
<div class="td_block_related_posts"><h4 class="td-related-title">BÀI VIẾT LIÊN QUAN</h4><a href="/a">Tin khác (01/01/2020)</a></div></div>
</body></html>`;
}

/** Vary the digits of an article so repeated copies are not byte-identical. */
function vary(text: string, round: number): string {
  if (round === 0) return text;
  return text.replace(/\d+/, (d) => String((Number(d) + round) % 10 ** d.length).padStart(d.length, '0'));
}

function loadCorpus(): BenchArticle[] {
  const ids = readdirSync(LABELLED_DIR).filter((n) => n.endsWith('.labels.json')).map((n) => n.slice(0, -'.labels.json'.length));
  const base = ids.map((id) => {
    const label = JSON.parse(readFileSync(join(LABELLED_DIR, `${id}.labels.json`), 'utf8')) as LabelledArticle;
    return { id, text: readFileSync(join(LABELLED_DIR, `${id}.txt`), 'utf8'), label };
  });
  if (base.length === 0) throw new Error(`no labelled articles in ${LABELLED_DIR}: the benchmark needs them as its corpus`);
  const corpus: BenchArticle[] = [];
  for (let round = 0; corpus.length < MIN_ARTICLES; round++) {
    for (const a of base) {
      const ctx = contextFromLabel(a.label);
      const text = vary(a.text, round);
      corpus.push({ text, ctx, html: wrapHtml(a.label.title ?? a.id, text, ctx.publishedAt), url: `https://example.gov.vn/tin-tuc/${a.id}-${round}/` });
    }
  }
  return corpus;
}

function timeIt(label: string, rounds: number, fn: () => void): number {
  for (let i = 0; i < WARMUP_ROUNDS; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  const millis = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  process.stdout.write(`${label.padEnd(44)} ${millis.toFixed(1).padStart(9)} ms\n`);
  return millis;
}

function main(): void {
  const corpus = loadCorpus();
  const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  process.stdout.write(`corpus: ${corpus.length} articles, ${(bytes / 1e6).toFixed(2)} MB of text\n`);
  let figures = 0;
  const textMs = timeIt('text → figures (all articles)', 3, () => {
    figures = 0;
    for (const a of corpus) figures += figuresFromText(a.text, a.ctx).figures.length;
  });
  process.stdout.write(`  ${figures} figures; ${((corpus.length / textMs) * 1000).toFixed(0)} articles/s (target ≥ 1000), ${((bytes / 1e6 / textMs) * 1000).toFixed(1)} MB/s\n`);

  let parse: ((html: string, url: string) => { text: string; title: string; publishedAt: Date | null }) | null = null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    parse = (require('../ingest/portals') as typeof import('../ingest/portals')).parseArticlePage;
  } catch (err: unknown) {
    process.stdout.write(`HTML bench skipped: ingest/portals unavailable (${err instanceof Error ? err.message : String(err)})\n`);
  }
  const cheerioMs = timeIt('bare cheerio.load (all pages)', 3, () => {
    for (const a of corpus) cheerio.load(a.html);
  });
  if (parse) {
    const parseArticle = parse;
    const htmlMs = timeIt('HTML → figures (page cleaner + engine)', 3, () => {
      for (const a of corpus) {
        const article = parseArticle(a.html, a.url);
        figuresFromText(article.text, { ...a.ctx, publishedAt: article.publishedAt ?? a.ctx.publishedAt, title: article.title });
      }
    });
    process.stdout.write(`  HTML → figures / bare cheerio.load = ${(htmlMs / cheerioMs).toFixed(2)} (target ≤ 1.5); ${((corpus.length / htmlMs) * 1000).toFixed(0)} pages/s\n`);
  }
}

main();
