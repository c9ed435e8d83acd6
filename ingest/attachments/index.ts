/**
 * Attached reports (PDF, DOCX, XLSX) → prose text and tables for the same engine as pages.
 *
 * Libraries (maintained, pure JavaScript, Node 20): pdfjs-dist 5.6.205 (Mozilla's PDF.js: text with positions;
 * ESM, so it runs in a worker thread — see pdf-worker.mjs), mammoth 1.13.0 (DOCX → HTML that keeps tables, merged
 * cells as colspan / rowspan), exceljs 4.4.0 (XLSX cells, merges and cached formula results). Legacy `.doc` / `.xls`
 * (binary OLE formats) have no maintained pure-JS reader that we trust with hostile input: they get the reason
 * "format not supported".
 *
 * Limits (each failure is an {@link AttachmentError} with a kind and a reason for the item):
 * - bytes: the fetcher's body limit (10 MiB by default) before anything is parsed;
 * - DOCX / XLSX: the zip's central directory is read first — at most 2,000 entries, 60 MiB uncompressed in all,
 *   and no entry compressed more than 200:1 (zip bombs are refused before inflating anything);
 * - PDF: the first 100 pages are read (the rest is cut and said so), 20 s per file (the worker is terminated),
 *   256 MB of heap for the worker; a PDF without text (scanned) is refused as "no text";
 * - tables: 5,000 rows and 60 columns each (ingest/tables/grid.ts), 50 tables per document.
 *
 * Public surface: {@link readAttachment}, {@link attachmentFormat}, {@link AttachmentError}, {@link ATTACHMENT_LIMITS},
 * {@link AttachmentContent}, {@link AttachmentFormat}.
 */
import { ATTACHMENT_LIMITS, AttachmentError } from './limits';
import { tablesFromHtml } from '../portals/tables';
import type { RawTable } from '../tables/grid';
import { htmlToText } from './html-text';
import { readPdf } from './pdf';
import { readXlsx } from './xlsx';
import { checkZip } from './zip-guard';

export type AttachmentFormat = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls';

export { ATTACHMENT_LIMITS, AttachmentError, type AttachmentErrorKind } from './limits';

export interface AttachmentContent {
  format: AttachmentFormat;
  /** Prose text (paragraphs separated by blank lines). */
  text: string;
  tables: RawTable[];
  /** Pages of a PDF (all of them, even when only the first ones were read); null for other formats. */
  pages: number | null;
  /** Set when part of the document was not read (page limit): what was left out. */
  truncated: string | null;
}

const EXTENSIONS: Record<string, AttachmentFormat> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', doc: 'doc', xls: 'xls' };
const MEDIA_TYPES: Record<string, AttachmentFormat> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
};
export const MEDIA_TYPE_OF: Record<AttachmentFormat, string> = Object.fromEntries(
  Object.entries(MEDIA_TYPES).map(([type, format]) => [format, type]),
) as Record<AttachmentFormat, string>;

/**
 * The format of a link or file: by extension (also in a download handler's query, "?file=bao-cao.xlsx"), else by
 * media type; null when it is not a report.
 */
export function attachmentFormat(urlOrName: string, contentType?: string | null): AttachmentFormat | null {
  const media = contentType?.split(';')[0].trim().toLowerCase();
  if (media && MEDIA_TYPES[media]) return MEDIA_TYPES[media];
  let path = urlOrName;
  try {
    const u = new URL(urlOrName);
    path = `${u.pathname}?${[...u.searchParams.values()].join('&')}`;
  } catch { /* a file name */ }
  const m = /\.(pdf|docx|xlsx|doc|xls)(?=$|[?&#])/i.exec(decodeURIComponent(path.replace(/%(?![0-9a-f]{2})/gi, '%25')));
  return m ? EXTENSIONS[m[1].toLowerCase()] : null;
}

/** Sniff the bytes: a PDF starts with "%PDF-", DOCX / XLSX are zips ("PK"), legacy Office files are OLE. */
function sniff(bytes: Buffer): 'pdf' | 'zip' | 'ole' | 'other' {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  return 'other';
}

async function readDocx(bytes: Buffer): Promise<AttachmentContent> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mammoth = require('mammoth') as { convertToHtml(input: { buffer: Buffer }): Promise<{ value: string }> };
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (err) {
    throw new AttachmentError('broken', `not a readable DOCX (${err instanceof Error ? err.message.slice(0, 120) : String(err)})`);
  }
  return { format: 'docx', text: htmlToText(html), tables: tablesFromHtml(html).slice(0, ATTACHMENT_LIMITS.maxTables), pages: null, truncated: null };
}

/** Read one attachment's bytes. Rejects with {@link AttachmentError} for anything that cannot be read. */
export async function readAttachment(bytes: Buffer, format: AttachmentFormat): Promise<AttachmentContent> {
  if (format === 'doc' || format === 'xls') {
    throw new AttachmentError('unsupported', `format not supported: legacy .${format} (binary Office); only .pdf, .docx and .xlsx are read`);
  }
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes) throw new AttachmentError('too_large', `${bytes.length} bytes, over the limit of ${ATTACHMENT_LIMITS.maxBytes}`);
  const kind = sniff(bytes);
  if (format === 'pdf') {
    if (kind !== 'pdf') throw new AttachmentError('broken', 'not a PDF (no %PDF- header)');
    return readPdf(bytes);
  }
  if (kind === 'ole') throw new AttachmentError('unsupported', `format not supported: a legacy binary Office file named .${format}`);
  if (kind !== 'zip') throw new AttachmentError('broken', `not a .${format} file (not a zip package)`);
  checkZip(bytes);
  return format === 'docx' ? readDocx(bytes) : readXlsx(bytes);
}
