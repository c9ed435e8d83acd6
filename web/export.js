/**
 * Downloads of what is on screen: CSV built in the browser from the data the chart shows (UTF-8 with a BOM so Excel
 * reads Vietnamese correctly), and the chart as PNG (canvas.toDataURL, with title, legend and link added).
 * The CSV builders are pure and unit-tested.
 */
import { t } from './i18n.js';

const BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180). Numbers are written as numbers with "." decimals. Text that a spreadsheet would run as
 * a formula (=, +, -, @ first) is prefixed with "'": evidence sentences come from public web pages.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells → CSV text with BOM and CRLF line ends. */
export function toCsv(rows) {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function dateOnly(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The ranking as rows: ranked units first, then the units without data (empty value, "no data" note). */
export function compareRows(model, lang) {
  const header = ['colRank', 'colUnit', 'colCode', 'colMetric', 'colYear', 'colValue', 'colPrevious', 'colChange', 'colPeriod',
    'colStatus', 'colTitle', 'colPublished', 'colSource', 'colEvidence', 'colFigure'].map((k) => t(lang, k));
  const rows = model.rows.map((r) => {
    const s = r.source || {};
    return [r.rank, r.unit.name, r.unit.code, model.metricCode, model.year, r.value, r.previousValue, r.change, r.periodLabel,
      r.definitionChanged ? t(lang, 'definitionChanged') : '', s.title || '', dateOnly(s.publishedAt), s.url || '', s.sentence || '', s.figureId || ''];
  });
  const missing = model.missing.map((u) => [null, u.name, u.code, model.metricCode, model.year, null, null, null, '',
    t(lang, 'noData'), '', '', '', '', '']);
  return [header, ...rows, ...missing];
}

/** The time series as rows: one per unit and year shown, then units without any data. */
export function seriesRows(model, lang) {
  const header = ['colUnit', 'colCode', 'colMetric', 'colYear', 'colValue', 'colPeriod', 'colPartial', 'colStatus', 'colTitle',
    'colPublished', 'colSource', 'colEvidence', 'colFigure'].map((k) => t(lang, k));
  const rows = [];
  for (const s of model.series) {
    for (const p of s.points) {
      const src = p.source || {};
      rows.push([s.unit.name, s.unit.code, model.metricCode, p.year, p.value, p.periodLabel, p.partialYear ? t(lang, 'yes') : t(lang, 'no'), '',
        src.title || '', dateOnly(src.publishedAt), src.url || '', src.sentence || '', src.figureId || '']);
    }
  }
  for (const u of model.missing) rows.push([u.name, u.code, model.metricCode, null, null, '', '', t(lang, 'noData'), '', '', '', '', '']);
  return [header, ...rows];
}

/** A file name safe on every OS: "cchc-on_time_rate-2019.csv". */
export function fileName(parts, ext) {
  return `cchc-${parts.filter(Boolean).join('-').replace(/[^A-Za-z0-9_.-]+/g, '_')}.${ext}`;
}

function clickDownload(href, name) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadCsv(rows, name) {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  clickDownload(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/** Shorten `text` with "…" until it fits `width` in the context's current font. */
function fit(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > width) s = s.slice(0, -1);
  return `${s}…`;
}

/**
 * The chart as a PNG that stands on its own: title above; under it the legend (HTML on the page, so not in the
 * canvas) and notes such as the link to the view. `legend` is [{ label, color, dashed }]; sizes follow the
 * canvas' pixel ratio so the image is as sharp as the screen.
 */
export function chartPng(canvas, { title = '', legend = [], notes = [] } = {}) {
  const scale = canvas.clientWidth ? canvas.width / canvas.clientWidth : 1;
  const px = (n) => n * scale;
  const width = canvas.width;
  const pad = px(16);
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${px(12)}px ${FONT}`;
  // Lay the legend out in rows that fit the width.
  const rows = [];
  let row = [];
  let x = pad;
  for (const item of legend) {
    const w = px(30) + measure.measureText(item.label).width + px(14);
    if (row.length && x + w > width - pad) {
      rows.push(row);
      row = [];
      x = pad;
    }
    row.push({ ...item, x });
    x += w;
  }
  if (row.length) rows.push(row);
  const titleHeight = title ? px(34) : 0;
  const legendHeight = rows.length ? rows.length * px(20) + px(8) : 0;
  const notesHeight = notes.length ? notes.length * px(18) + px(6) : 0;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = Math.ceil(titleHeight + canvas.height + legendHeight + notesHeight + pad);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'middle';
  if (title) {
    ctx.fillStyle = '#1f2328';
    ctx.font = `600 ${px(16)}px ${FONT}`;
    ctx.fillText(fit(ctx, title, width - 2 * pad), pad, px(18));
  }
  ctx.drawImage(canvas, 0, titleHeight);
  let y = titleHeight + canvas.height + px(14);
  ctx.font = `${px(12)}px ${FONT}`;
  for (const r of rows) {
    for (const item of r) {
      ctx.strokeStyle = item.color;
      ctx.lineWidth = px(3);
      ctx.setLineDash(item.dashed ? [px(6), px(4)] : []);
      ctx.beginPath();
      ctx.moveTo(item.x, y);
      ctx.lineTo(item.x + px(24), y);
      ctx.stroke();
      ctx.fillStyle = '#1f2328';
      ctx.fillText(item.label, item.x + px(30), y);
    }
    y += px(20);
  }
  ctx.setLineDash([]);
  ctx.fillStyle = '#555d66';
  ctx.font = `${px(11)}px ${FONT}`;
  y += notes.length && rows.length ? px(2) : 0;
  for (const note of notes) {
    ctx.fillText(fit(ctx, note, width - 2 * pad), pad, y);
    y += px(18);
  }
  return out.toDataURL('image/png');
}

export function downloadPng(dataUrl, name) {
  clickDownload(dataUrl, name);
}
