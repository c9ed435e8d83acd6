/**
 * The HTML around the charts: the "no data" list, the data tables (the keyboard and screen-reader way to every
 * number and its source) and the source panel.
 */
import { el, safeHref } from './dom.js';
import { t, formatValue, formatChange, formatDate } from './i18n.js';
import { changeText } from './ranking.js';
import { unitPageQuery } from './state.js';

/** "đã kiểm tra", "tự động, chưa kiểm tra"… for a ReviewStatus. */
export function reviewText(status, lang) {
  return status ? t(lang, `review${status}`) : '';
}

/** The portal's name, marked when it is a sample source. */
function portalCell(source, lang) {
  if (!source || !source.sourceName) return '';
  return el('span', { class: source.sample ? 'portal sample' : 'portal' }, source.sourceName,
    source.sample ? el('span', { class: 'badge badge-sample' }, t(lang, 'sampleSource')) : '');
}

function reviewCell(status, lang) {
  return status ? el('span', { class: `review review-${status.toLowerCase()}` }, reviewText(status, lang)) : '';
}

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
  const name = model.label || ((u) => u.name);
  const head = el('tr', {}, ['colRank', 'colUnit', 'colValue', 'colPrevious', 'colChange', 'colRankChange', 'colTarget', 'colPeriod', 'colSourceName', 'colReview', 'colSource']
    .map((k) => el('th', { scope: 'col' }, t(lang, k))));
  const targets = model.targets || new Map();
  const rows = model.rows.map((r) => el('tr', { 'data-unit-id': r.unit.id },
    el('td', { class: 'num' }, r.rank),
    el('th', { scope: 'row' }, name(r.unit)),
    el('td', { class: 'num' }, formatValue(r.value, model.unit, lang), r.partialYear ? el('span', { class: 'partial-mark', title: t(lang, 'partialNote') }, ' △') : ''),
    el('td', { class: 'num' }, formatValue(r.previousValue, model.unit, lang)),
    el('td', { class: 'num change', title: r.definitionChanged ? t(lang, 'definitionChanged') : null }, changeText({ ...r, previousRank: null }, model.unit, lang), r.definitionChanged ? ' ⚠' : ''),
    el('td', { class: 'num rank-change' }, changeText({ ...r, change: null }, model.unit, lang)),
    el('td', { class: 'num' }, targets.has(r.unit.id) ? formatValue(targets.get(r.unit.id), model.unit, lang) : ''),
    el('td', {}, r.periodLabel),
    el('td', {}, portalCell(r.source, lang)),
    el('td', {}, reviewCell(r.reviewStatus, lang)),
    el('td', {}, r.source ? sourceButton(lang, () => onShow(r)) : '', ' ',
      el('a', { class: 'unit-page-link', href: unitPageQuery(r.unit.id, { lang, asOf: model.asOf || null }) }, t(lang, 'unitPageLink'))),
  ));
  const missing = model.missing.map((u) => el('tr', { class: 'missing-row' },
    el('td', {}, ''), el('th', { scope: 'row' }, name(u)), el('td', { colspan: 9, class: 'no-data' }, t(lang, 'noData'))));
  container.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, rows, missing)));
}

/** The time series as a table: one row per unit and year. */
export function renderSeriesTable(container, model, lang, onShow) {
  const head = el('tr', {}, ['colUnit', 'colYear', 'colValue', 'colPeriod', 'colSourceName', 'colReview', 'colSource'].map((k) => el('th', { scope: 'col' }, t(lang, k))));
  const name = model.label || ((u) => u.name);
  const rows = [];
  for (const s of model.series) {
    for (const p of s.points) {
      rows.push(el('tr', { class: p.partialYear ? 'partial' : null },
        el('th', { scope: 'row' }, name(s.unit)),
        el('td', { class: 'num' }, p.year),
        el('td', { class: 'num' }, formatValue(p.value, model.unit, lang), p.partialYear ? el('span', { class: 'partial-mark', title: t(lang, 'partialNote') }, ' △') : ''),
        el('td', {}, p.periodLabel),
        el('td', {}, portalCell(p.source, lang)),
        el('td', {}, reviewCell(p.reviewStatus, lang)),
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
    provenance(figure, lang),
    el('figure', { class: 'evidence' },
      el('blockquote', { class: 'source-sentence', lang: 'vi' }, s.sentence),
      el('figcaption', {}, t(lang, 'sourceSentence'), s.figureId ? ` · ${t(lang, 'sourceFigure', { id: s.figureId })}` : '')),
  );
}

/**
 * Where the figure comes from and how far to trust it: the portal (marked when it is a sample source), the review
 * status, and how many other figures the selection rule set aside, with a button that lists them
 * (`figure.loadAlternatives()` → [{ value, periodLabel, reviewStatus, source }]).
 */
function provenance(figure, lang) {
  const s = figure.source || {};
  const box = el('div', { class: 'source-provenance' },
    s.sourceName ? el('p', { class: 'source-portal' }, `${t(lang, 'sourcePortal')}: `, portalCell(s, lang)) : '',
    figure.reviewStatus ? el('p', { class: 'source-review' }, `${t(lang, 'reviewLabel')}: `, reviewCell(figure.reviewStatus, lang)) : '');
  const n = figure.alternatives || 0;
  if (n > 0) {
    const list = el('ul', { class: 'alternatives', hidden: true });
    const button = el('button', {
      type: 'button', class: 'link-button show-alternatives', 'aria-expanded': 'false',
      onclick: async () => {
        button.disabled = true;
        try {
          const all = figure.loadAlternatives ? await figure.loadAlternatives() : [];
          list.replaceChildren(...all.map((a) => el('li', { class: a.source && a.source.figureId === s.figureId ? 'alternative chosen' : 'alternative' },
            el('strong', {}, formatValue(a.value, figure.unit, lang)), a.periodLabel ? ` (${a.periodLabel})` : '',
            ' · ', reviewText(a.reviewStatus, lang),
            a.source && a.source.sourceName ? ` · ${a.source.sourceName}` : '',
            a.source && a.source.publishedAt ? ` · ${formatDate(a.source.publishedAt, lang)}` : '',
            a.source && a.source.figureId === s.figureId ? el('span', { class: 'badge' }, t(lang, 'alternativeChosen')) : '',
            a.source && a.source.sentence ? el('blockquote', { lang: 'vi' }, a.source.sentence) : '')));
          list.hidden = false;
          button.setAttribute('aria-expanded', 'true');
        } finally {
          button.disabled = false;
        }
      },
    }, t(lang, 'showAlternatives', { n }));
    box.append(el('p', { class: 'source-alternatives' }, t(lang, 'alternatives', { n }), ' ', button), list);
  }
  return box;
}
