// PDF text with positions, read by pdfjs-dist (ESM) in a worker thread: the caller stays CommonJS (and works under
// jest, which cannot import ESM), and a hostile PDF can be stopped (timeout → terminate) and capped in memory.
// Input (workerData): { data: Uint8Array, maxPages: number, fontDir: string }.
// Output (one message): { ok: true, numPages, pages: [{ number, width, height, items: [{ s, x, y, w, h }] }] }
//                    or { ok: false, kind: 'encrypted' | 'broken', message }.
import { parentPort, workerData } from 'node:worker_threads';

const { data, maxPages, fontDir } = workerData;
try {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
    standardFontDataUrl: fontDir, stopAtErrors: false,
  }).promise;
  const pages = [];
  const n = Math.min(doc.numPages, maxPages);
  for (let p = 1; p <= n; p++) {
    const page = await doc.getPage(p);
    const view = page.view;
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      items.push({ s: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: it.height || Math.abs(it.transform[3]) });
    }
    pages.push({ number: p, width: view[2] - view[0], height: view[3] - view[1], items });
    page.cleanup();
  }
  parentPort.postMessage({ ok: true, numPages: doc.numPages, pages });
  await doc.destroy();
} catch (err) {
  const name = err && err.name;
  const kind = name === 'PasswordException' ? 'encrypted' : 'broken';
  parentPort.postMessage({ ok: false, kind, message: String((err && err.message) || err).slice(0, 300) });
}
