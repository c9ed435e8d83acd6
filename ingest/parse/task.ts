/**
 * The CPU-heavy part of ingesting a page — parse the HTML with the portal adapter, extract figures from the text —
 * as one pure function of plain data, so it runs the same on the calling thread or in a worker thread (pool.ts).
 * Errors cross the thread boundary as plain data and are rebuilt as the same ingest error classes.
 * Public surface: {@link runPageTask}, {@link PageTask}, {@link PageTaskResult}, {@link errorToData}, {@link errorFromData}.
 */
import { gzipSync } from 'node:zlib';
import * as errors from '../errors';
import { subjectContextFromData, type SubjectData } from '../gazetteer-resolver';
import { parseArticlePage, parseListingPage } from '../portals';
import { articleTablesAndLinks, type AttachmentLink } from '../portals/tables';
import { figuresFromDocument } from '../tables';
import type { ExtractedFigure, ParsedArticle, ParsedListing } from '../types';
import { dateFromUrl } from '../extract/url-date';

export type PageTask =
  | { kind: 'listing'; html: string; url: string; family: string | null }
  | { kind: 'article'; html: string; url: string; family: string | null; subjects: SubjectData };

export type PageTaskResult =
  | { kind: 'listing'; listing: ParsedListing }
  | {
    kind: 'article';
    article: ParsedArticle;
    /** The figures of the prose and the tables: the dropped candidates and the normalised text are not needed to store a page. */
    figures: ExtractedFigure[];
    /** Reports (PDF, DOCX, XLSX, …) the article links. */
    links: AttachmentLink[];
    /** The raw HTML, gzipped for storage (compressing a large page is CPU work too). */
    rawHtmlGz: Uint8Array;
    parseMillis: number;
    extractMillis: number;
  };

/** Parse (and for an article, extract). Throws the adapters' errors (PortalLayoutError, PageTooComplexError, …). */
export function runPageTask(task: PageTask): PageTaskResult {
  if (task.kind === 'listing') return { kind: 'listing', listing: parseListingPage(task.html, task.url, task.family) };
  const t0 = performance.now();
  const article = parseArticlePage(task.html, task.url, task.family);
  const t1 = performance.now();
  const subjects = subjectContextFromData(task.subjects);
  const { tables, links } = articleTablesAndLinks(task.html, task.url, task.family);
  const extraction = figuresFromDocument({ text: article.text, tables: tables.length ? tables : undefined }, {
    // A page that shows no date is read with the one its address carries ("/xa-hoi/201803/…").
    publishedAt: article.publishedAt ?? dateFromUrl(article.canonicalUrl), publisher: subjects.publisher, title: article.title, resolver: subjects.resolver,
  });
  const t2 = performance.now();
  const rawHtmlGz = new Uint8Array(gzipSync(Buffer.from(task.html, 'utf8')));
  return { kind: 'article', article, figures: extraction.figures, links, rawHtmlGz, parseMillis: t1 - t0, extractMillis: t2 - t1 };
}

/** An error as plain data: class name, message and own fields (url, limit, status, …). */
export interface ErrorData {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export function errorToData(err: unknown): ErrorData {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { name: err.name, message: err.message, fields };
}

/** The ingest error classes by name, so `instanceof` (and so the pipeline's retry/skip/abort decision) survives. */
const INGEST_ERROR_CLASSES: Record<string, { prototype: Error }> = Object.fromEntries(
  Object.entries(errors).filter(([, v]) => typeof v === 'function' && (v as { prototype?: unknown }).prototype instanceof Error)
    .map(([name, v]) => [name, v as { prototype: Error }]),
);

export function errorFromData(data: ErrorData): Error {
  const cls = INGEST_ERROR_CLASSES[data.name];
  const err = cls ? (Object.create(cls.prototype) as Error) : new Error(data.message);
  Object.assign(err, data.fields);
  Object.defineProperty(err, 'message', { value: data.message, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(err, 'name', { value: data.name, enumerable: false, writable: true, configurable: true });
  if (cls) Error.captureStackTrace(err, errorFromData);
  return err;
}
