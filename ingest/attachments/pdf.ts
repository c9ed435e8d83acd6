/**
 * PDF → prose text and tables rebuilt from text positions. PDF.js (pdfjs-dist, ESM) runs in a worker thread
 * (./pdf-worker.mjs): the main process stays CommonJS, and a slow or hostile file is stopped by terminating the
 * worker at the time limit, with the worker's heap capped.
 *
 * Rebuilding: text items → lines (same baseline within a tolerance) → cells (a horizontal gap wider than about one
 * character starts a new cell). A run of consecutive lines of two or more cells is a table; its columns are the
 * cells of its widest line, and every other cell goes to the column whose left edge it starts at or after. A run at
 * the top of a page with no header continues the table that ended the previous page (each row keeps its page).
 * Everything else is prose; a vertical gap wider than a line and a half separates paragraphs.
 *
 * Public surface: {@link readPdf}, {@link rebuildPdf}, {@link PdfPageItems}.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RawCell, RawTable } from '../tables/grid';
import { cellNumber } from '../tables/read';
import { ATTACHMENT_LIMITS, AttachmentError } from './limits';
import type { AttachmentContent } from './index';

export interface PdfItem { s: string; x: number; y: number; w: number; h: number }
export interface PdfPageItems { number: number; width: number; height: number; items: PdfItem[] }

interface Cell { x: number; xEnd: number; text: string }
interface Line { page: number; y: number; h: number; cells: Cell[] }

function workerPath(): string {
  const here = join(__dirname, 'pdf-worker.mjs');
  // Compiled builds (dist/) do not copy the .mjs: fall back to the source tree.
  return existsSync(here) ? here : resolve(__dirname, '../../../ingest/attachments/pdf-worker.mjs');
}

type WorkerAnswer = { ok: true; numPages: number; pages: PdfPageItems[] } | { ok: false; kind: 'encrypted' | 'broken'; message: string };

function runWorker(bytes: Buffer): Promise<WorkerAnswer> {
  const fontDir = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(workerPath(), {
      workerData: { data: new Uint8Array(bytes), maxPages: ATTACHMENT_LIMITS.maxPdfPages, fontDir },
      resourceLimits: { maxOldGenerationSizeMb: ATTACHMENT_LIMITS.workerHeapMb },
      // Plain Node in the worker: an inherited TypeScript loader (-r @swc-node/register) would recompile pdf.js each time.
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new AttachmentError('timeout', `PDF not read within ${ATTACHMENT_LIMITS.timeoutMillis} ms`))), ATTACHMENT_LIMITS.timeoutMillis);
    worker.once('message', (m: WorkerAnswer) => finish(() => resolvePromise(m)));
    worker.once('error', (err) => finish(() => reject(new AttachmentError('broken', `PDF reader failed: ${err.message.slice(0, 200)}`))));
    worker.once('exit', (code) => finish(() => reject(new AttachmentError('broken', `PDF reader stopped (exit ${code}); out of memory?`))));
  });
}

/** Items of one page → lines of cells, top to bottom. */
function linesOf(page: PdfPageItems): Line[] {
  const items = page.items.filter((i) => i.s.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of items) {
    const h = it.h || 10;
    const line = lines.length ? lines[lines.length - 1] : null;
    if (line && Math.abs(line.y - it.y) <= Math.max(1.5, h * 0.3)) line.cells.push({ x: it.x, xEnd: it.x + it.w, text: it.s });
    else lines.push({ page: page.number, y: it.y, h, cells: [{ x: it.x, xEnd: it.x + it.w, text: it.s }] });
  }
  for (const line of lines) {
    line.cells.sort((a, b) => a.x - b.x);
    const merged: Cell[] = [];
    for (const c of line.cells) {
      const prev = merged[merged.length - 1];
      const gap = prev ? c.x - prev.xEnd : Infinity;
      if (prev && gap < line.h * 0.9) {
        prev.text += gap > line.h * 0.15 && !prev.text.endsWith(' ') && !c.text.startsWith(' ') ? ` ${c.text}` : c.text;
        prev.xEnd = Math.max(prev.xEnd, c.xEnd);
      } else merged.push({ ...c });
    }
    line.cells = merged.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() }));
  }
  return lines;
}

function isHeaderLine(line: Line): boolean {
  return line.cells.every((c) => cellNumber(c.text) === null);
}

/** Lines → tables (runs of multi-cell lines) and prose paragraphs. */
export function rebuildPdf(pages: PdfPageItems[]): { text: string; tables: RawTable[] } {
  const paragraphs: string[] = [];
  const tables: Array<{ lines: Line[]; caption: string | null; heading: string | null }> = [];
  let para: string[] = [];
  let lastProse: Line | null = null;
  let run: Line[] = [];
  let runEndedPage = false;
  const flushPara = () => {
    if (para.length) paragraphs.push(para.join(' '));
    para = [];
  };
  const flushRun = (endOfPage: boolean) => {
    if (run.length >= 2) {
      const prev = tables[tables.length - 1];
      const continues = prev && runEndedPage && run[0].page === prev.lines[prev.lines.length - 1].page + 1 && !isHeaderLine(run[0]);
      if (continues) prev.lines.push(...run);
      else {
        const before = lastProse && lastProse.page === run[0].page ? lastProse.cells.map((c) => c.text).join(' ') : null;
        tables.push({ lines: run, caption: before && /^(?:bảng|biểu)\b/i.test(before) ? before : null, heading: before });
      }
      runEndedPage = endOfPage;
    } else {
      for (const l of run) para.push(l.cells.map((c) => c.text).join(' '));
      if (run.length) runEndedPage = false;
    }
    run = [];
  };
  for (const page of pages) {
    const lines = linesOf(page);
    for (const line of lines) {
      if (line.cells.length >= 2) {
        if (run.length === 0) flushPara();
        run.push(line);
        continue;
      }
      flushRun(false);
      const text = line.cells[0].text;
      if (lastProse && (lastProse.page !== line.page || lastProse.y - line.y > line.h * 1.8)) flushPara();
      para.push(text);
      lastProse = line;
      runEndedPage = false;
    }
    flushRun(true);
    flushPara();
  }
  const raw: RawTable[] = tables.slice(0, ATTACHMENT_LIMITS.maxTables).map((t) => {
    const widest = t.lines.reduce((a, b) => (b.cells.length > a.cells.length ? b : a));
    const anchors = widest.cells.map((c) => c.x);
    const columnOf = (x: number) => {
      let k = 0;
      for (let i = 0; i < anchors.length; i++) if (x >= anchors[i] - 3) k = i;
      return k;
    };
    const rows: RawCell[][] = t.lines.map((line) => {
      const cells: RawCell[] = anchors.map(() => ({ text: '' }));
      for (const c of line.cells) {
        const k = columnOf(c.x);
        cells[k] = { text: cells[k].text ? `${cells[k].text} ${c.text}` : c.text };
      }
      const header = isHeaderLine(line);
      return cells.map((c) => ({ ...c, header }));
    });
    return { rows, caption: t.caption, heading: t.heading, notes: [], page: t.lines[0].page, rowPages: t.lines.map((l) => l.page) };
  });
  return { text: paragraphs.join('\n\n'), tables: raw };
}

export async function readPdf(bytes: Buffer): Promise<AttachmentContent> {
  const answer = await runWorker(bytes);
  if (!answer.ok) {
    throw new AttachmentError(answer.kind, answer.kind === 'encrypted' ? 'the PDF is password-protected' : `not a readable PDF (${answer.message})`);
  }
  if (!answer.pages.some((p) => p.items.some((i) => i.s.trim() !== ''))) {
    throw new AttachmentError('no_text', `no text layer in ${answer.numPages} page(s): a scanned PDF needs OCR, which is not done`);
  }
  const { text, tables } = rebuildPdf(answer.pages);
  const truncated = answer.numPages > ATTACHMENT_LIMITS.maxPdfPages
    ? `pages ${ATTACHMENT_LIMITS.maxPdfPages + 1}-${answer.numPages} not read (limit ${ATTACHMENT_LIMITS.maxPdfPages})` : null;
  return { format: 'pdf', text, tables, pages: answer.numPages, truncated };
}
