/**
 * The HTML around the charts: the "no data" list, the data tables (the keyboard and screen-reader way to every
 * number and its source) and the source panel.
 */
import { el, safeHref } from './dom.js';
import { t, formatValue, formatChange, formatDate } from './i18n.js';

function unitLabel(u) {
  return u.parentName ? `${u.name} (${u.parentName})` : u.name;
}

/** The units without data, as a list; hidden when there are none. */
export function renderMissing(container, units, lang) {
  container.hidden = units.length === 0;
  // The parent is worth repeating only when the units do not all share one (picked one by one).
  const oneParent = new Set(units.map((u) => u.parentName)).size <= 1;
  container.replaceChildren(
    el('h3', {}, t(lang, 'missingHeading', { n: units.length })),
    el('ul', { class: 'missing-list' }, units.map((u) => el('li', { 'data-unit-id': u.id }, oneParent ? u.name : unitLabel(u)))),
  );
}

function sourceButton(lang, onShow) {
  return el('button', { type: 'button', class: 'link-button', onclick: onShow }, t(lang, 'showSource'));
}

/** The ranking as a table, with a source button on every row that has one. */
export function renderCompareTable(container, model, lang, onShow) {
  const head = el('tr', {}, ['colRank', 'colUnit', 'colValue', 'colPrevious', 'colChange', 'colPeriod', 'colSource'].map((k) => el('th', { scope: 'col' }, t(lang, k))));
  const rows = model.rows.map((r) => el('tr', {},
    el('td', { class: 'num' }, r.rank),
    el('th', { scope: 'row' }, r.unit.name),
    el('td', { class: 'num' }, formatValue(r.value, model.unit, lang), r.partialYear ? el('span', { class: 'partial-mark', title: t(lang, 'partialNote') }, ' △') : ''),
    el('td', { class: 'num' }, formatValue(r.previousValue, model.unit, lang)),
    el('td', { class: 'num', title: r.definitionChanged ? t(lang, 'definitionChanged') : null }, formatChange(r.change, model.unit, lang), r.definitionChanged ? ' ⚠' : ''),
    el('td', {}, r.periodLabel),
    el('td', {}, r.source ? sourceButton(lang, () => onShow(r)) : ''),
  ));
  const missing = model.missing.map((u) => el('tr', { class: 'missing-row' },
    el('td', {}, ''), el('th', { scope: 'row' }, u.name), el('td', { colspan: 5, class: 'no-data' }, t(lang, 'noData'))));
  container.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, rows, missing)));
}

/** The time series as a table: one row per unit and year. */
export function renderSeriesTable(container, model, lang, onShow) {
  const head = el('tr', {}, ['colUnit', 'colYear', 'colValue', 'colPeriod', 'colSource'].map((k) => el('th', { scope: 'col' }, t(lang, k))));
  const rows = [];
  for (const s of model.series) {
    for (const p of s.points) {
      rows.push(el('tr', { class: p.partialYear ? 'partial' : null },
        el('th', { scope: 'row' }, s.unit.name),
        el('td', { class: 'num' }, p.year),
        el('td', { class: 'num' }, formatValue(p.value, model.unit, lang), p.partialYear ? el('span', { class: 'partial-mark', title: t(lang, 'partialNote') }, ' △') : ''),
        el('td', {}, p.periodLabel),
        el('td', {}, p.source ? sourceButton(lang, () => onShow(s, p)) : ''),
      ));
    }
  }
  container.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, rows)));
}

/**
 * Show one figure's provenance: what it says, the article (link, title, date) and the sentence it was read from.
 * `figure` is { unitName, year, value, unit, periodLabel, partialYear, source }.
 */
export function renderSource(panel, figure, lang) {
  const body = panel.querySelector('.source-body');
  if (!figure) {
    body.replaceChildren(el('p', { class: 'hint' }, t(lang, 'sourceEmpty')));
    return;
  }
  const headline = el('p', { class: 'source-figure' },
    el('strong', {}, figure.unitName), ` — ${figure.year}: `,
    el('strong', { class: 'source-value' }, formatValue(figure.value, figure.unit, lang)),
    figure.periodLabel ? ` (${figure.periodLabel})` : '',
    figure.partialYear ? el('span', { class: 'badge' }, t(lang, 'partialNote')) : '');
  const s = figure.source;
  if (!s) {
    body.replaceChildren(headline, el('p', {}, t(lang, 'sourceMissing')));
    return;
  }
  const href = safeHref(s.url);
  const title = s.title || s.url || '';
  const link = href
    ? el('a', { class: 'source-link', href, target: '_blank', rel: 'noopener noreferrer' }, title)
    : el('span', { class: 'source-link' }, title);
  const date = formatDate(s.publishedAt, lang);
  // A figure read from a table cites its cell: "Bảng 2, dòng Phường 4, cột Điểm" (and the PDF page).
  const cell = s.cell
    ? el('p', { class: 'source-cell', lang: 'vi' }, t(lang, 'sourceCell', { table: s.cell.tableIndex, row: s.cell.rowLabel, column: s.cell.columnHeader }),
      s.cell.page ? `, ${t(lang, 'sourcePage', { page: s.cell.page })}` : '', s.cell.caption ? el('span', { class: 'source-caption' }, ` — ${s.cell.caption}`) : '')
    : '';
  const check = s.checkReason !== null && s.checkReason !== undefined
    ? el('p', { class: 'source-check' }, el('span', { class: 'badge' }, t(lang, 'checkFailed')), ` ${s.checkReason}`)
    : '';
  body.replaceChildren(
    headline,
    el('p', { class: 'source-article' }, `${t(lang, 'sourceArticle')}: `, link,
      date ? el('span', { class: 'source-date' }, ` · ${t(lang, 'sourcePublished', { date })}`) : ''),
    cell,
    check,
    el('figure', { class: 'evidence' },
      el('blockquote', { class: 'source-sentence', lang: 'vi' }, s.sentence),
      el('figcaption', {}, t(lang, 'sourceSentence'), s.figureId ? ` · ${t(lang, 'sourceFigure', { id: s.figureId })}` : '')),
  );
}
