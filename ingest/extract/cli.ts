/**
 * `npm run extract -- FILE [--published YYYY-MM-DD] [--unit NAME] [--title TEXT] [--json]`: read one article (.txt
 * as is; .html pages, .pdf / .docx / .xlsx reports and texts with a flattened table through
 * ingest/tables/cli-document.ts, prose and tables) and print its figures: a table by default, or exactly one JSON
 * object `{"figures":[...]}` on stdout with `--json` (diagnostics go to stderr only). Bytes are decoded as the
 * fetcher decodes pages (BOM, then UTF-8 when valid, else windows-1258; an HTML meta charset is honoured), so a
 * legacy windows-1258 .txt file reads correctly. `--help` prints the usage.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBody } from '../fetch/charset';
import { packageContextForUnit, withOfficialCodes } from '../gazetteer-packages';
import type { ExtractedFigure, ExtractionContext, ResolvedUnit } from '../types';
import { figuresFromText } from './figures';

interface CliArgs {
  file: string;
  published: string | null;
  unit: string | null;
  title: string | null;
  json: boolean;
}

const USAGE = `usage: npm run extract -- FILE [options]

Read one article (.txt, or .html through the portal page cleaner) and print the figures it states.

options:
  --published YYYY-MM-DD   publication date: the year of figures whose text names none
  --unit NAME              publishing unit (e.g. "Quận 11"): the default subject; the units the text names resolve
                           in its province (gazetteer packages, as ingestion resolves them) and print their code
  --title TEXT             article title: its period ("9 tháng năm 2018") governs before the publication date
  --json                   print one JSON object {"figures":[...]} instead of a table
  --help                   print this help

Text files may be UTF-8 (with or without BOM) or windows-1258, as legacy portals publish them.`;

/** Level code from the name's leading word ("Quận 11" → quan), so sub-unit mentions resolve sensibly. */
const LEVEL_PREFIXES: ReadonlyArray<[RegExp, string]> = [
  [/^quận/i, 'quan'], [/^huyện/i, 'huyen'], [/^thị xã/i, 'thi_xa'], [/^thành phố/i, 'thanh_pho'], [/^phường/i, 'phuong'],
  [/^xã/i, 'xa'], [/^thị trấn/i, 'thi_tran'], [/^sở/i, 'so'], [/^tỉnh/i, 'tinh'],
];

function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { file: '', published: null, unit: null, title: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--published' || a === '--unit' || a === '--title') {
      const value = argv[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--published') args.published = value;
      else if (a === '--unit') args.unit = value;
      else args.title = value.normalize('NFC');
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (!args.file) args.file = a;
    else return `unexpected argument ${a}`;
  }
  return args.file ? args : 'usage: extract FILE [--published YYYY-MM-DD] [--unit NAME] [--title TEXT] [--json] (--help for more)';
}

function publisherFrom(name: string | null): ResolvedUnit | null {
  if (!name) return null;
  const level = LEVEL_PREFIXES.find(([re]) => re.test(name.normalize('NFC')))?.[1] ?? 'unknown';
  return { id: `cli:${name}`, name: name.normalize('NFC'), level };
}

/** HTML goes through the portal adapters; loaded lazily so a .txt run does not need cheerio. */
function articleFromHtml(html: string, file: string): { text: string; title: string | null; publishedAt: Date | null } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const portals = require('../portals') as typeof import('../portals');
  const parsed = portals.parseArticlePage(html, pathToFileURL(file).href);
  return { text: parsed.text, title: parsed.title, publishedAt: parsed.publishedAt };
}

function formatTable(figures: ExtractedFigure[]): string {
  const rows = figures.map((f) => [
    f.metric,
    `${f.value}${f.upperBound !== null ? `–${f.upperBound}` : ''}${f.total !== null ? `/${f.total}` : ''}`,
    f.unit,
    f.kind,
    f.comparator + (f.approximate ? ' ~' : ''),
    f.change ? `Δ vs ${f.baselineYear ?? '?'}` : '',
    f.period.label || String(f.period.year ?? ''),
    f.subject.scope === 'subunits' ? `${f.subject.name} (sub-units)` : f.subject.name,
    f.confidence.toFixed(2),
  ]);
  const header = ['metric', 'value', 'unit', 'kind', 'cmp', 'change', 'period', 'subject', 'conf'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]): string => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), `${figures.length} figure(s)`].join('\n');
}

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const file = resolve(args.file);
  // Pages, reports (.pdf, .docx, .xlsx) and texts holding a flattened table: prose + tables (ingest/tables).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const documents = require('../tables/cli-document') as typeof import('../tables/cli-document');
  if (documents.isDocumentFile(file)) {
    void documents.extractDocumentFile({ ...args, file }).then((code) => { process.exitCode = code; });
    return 0;
  }
  let raw: string;
  try {
    // Decoded as the fetcher decodes a page: BOM, UTF-8 when the bytes are valid UTF-8, else windows-1258.
    raw = decodeBody(readFileSync(file), null).text;
  } catch (err: unknown) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  let text = raw;
  let title: string | null = args.title;
  let publishedAt = args.published ? new Date(args.published) : null;
  if (publishedAt && Number.isNaN(publishedAt.getTime())) {
    process.stderr.write(`--published ${args.published} is not a date (use YYYY-MM-DD)\n`);
    return 2;
  }
  if (/^\.html?$/i.test(extname(file))) {
    try {
      const article = articleFromHtml(raw, file);
      text = article.text;
      title = args.title ?? article.title;
      publishedAt = publishedAt ?? article.publishedAt;
    } catch (err: unknown) {
      process.stderr.write(`cannot parse ${file} as an article page: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
  }
  // The units the text names resolve in --unit's province, as ingestion resolves them; loaded only with --unit.
  const gazetteer = args.unit ? packageContextForUnit(args.unit) : null;
  const ctx: ExtractionContext = { publishedAt, publisher: gazetteer?.publisher ?? publisherFrom(args.unit), title, resolver: gazetteer?.resolver };
  const { figures } = figuresFromText(text, ctx);
  withOfficialCodes(figures);
  process.stdout.write(args.json ? `${JSON.stringify({ figures })}\n` : `${formatTable(figures)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
