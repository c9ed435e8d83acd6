/**
 * The charts page: reads the view from the URL, asks the GraphQL API, draws the charts and keeps the URL in step
 * so a link reproduces what is on screen. Entry point, loaded as a module by index.html.
 */
import { $, el, fillSelect } from './dom.js';
import { t, metricName, levelName, formatValue } from './i18n.js';
import { parseState, toQuery, unitScope, yearChoices, periodArgs, periodChoices, pointSlot, slotSpan, DEFAULT_PARENT_CODE, TABS, LEVELS_NEEDING_PARENT, unitPageQuery } from './state.js';
import { fetchMetrics, fetchUnitsByIds, fetchUnitByCode, fetchCompare, fetchTimeSeries, fetchYearsWithData, fetchSources, fetchAlternatives } from './api.js';
import { renderLine, lineLegend, clearChart, highlight } from './charts.js';
import { renderRanking, rankingHeight, clearRanking } from './ranking.js';
import { labeller } from './names.js';
import { explainError } from './errors.js';
import { showUnitPage } from './unit-page.js';
import { applyPageMode, renderPermalink, markSample } from './page-mode.js';
import { compareRows, seriesRows, downloadCsv, downloadPng, chartPng, fileName } from './export.js';
import { renderMissing, renderCompareTable, renderSeriesTable, renderSource } from './views.js';
import { createUnitPicker } from './units.js';

const state = parseState(window.location.search);
const hook = window.__cchcCharts;
hook.state = state;

let metrics = [];
let picker = null;
/** The last figure shown in the source panel (re-rendered on a language switch). */
let selected = null;
/**
 * Per tab: the model on screen (with `mark`, the element whose source is shown), whether it must be fetched again,
 * and a counter that drops stale answers.
 */
const views = { compare: { model: null, stale: true, seq: 0 }, series: { model: null, stale: true, seq: 0 } };

const panels = { compare: $('#panel-compare'), series: $('#panel-series') };

// ---------- language ----------

function applyLang() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = `${t(lang, 'title')} — ${t(lang, 'tabCompare')} · ${t(lang, 'tabSeries')}`;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(lang, node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(lang, node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(lang, node.dataset.i18nAriaLabel));
  const toggle = $('#lang-toggle');
  toggle.textContent = t(lang, 'langToggle');
  toggle.setAttribute('aria-label', t(lang, 'langToggleLabel'));
  toggle.lang = lang === 'vi' ? 'en' : 'vi';
}

// ---------- helpers ----------

function metricByCode(code) {
  return metrics.find((m) => m.code === code) || null;
}

function syncUrl() {
  if (state.unit) return;
  const query = toQuery(state);
  if (query !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${query}`);
}

function showError(err) {
  const banner = $('#error');
  if (!err) {
    banner.hidden = true;
    banner.textContent = '';
    return;
  }
  banner.hidden = false;
  // Translated and actionable; the server's own (English) message stays in the console for whoever debugs.
  banner.textContent = `${t(state.lang, 'errorPrefix')}: ${explainError(err, state.lang)}`;
}

function setStatus(tab, status, text = '') {
  panels[tab].dataset.status = status;
  panels[tab].setAttribute('aria-busy', status === 'loading' ? 'true' : 'false');
  $('.status', panels[tab]).textContent = status === 'loading' ? t(state.lang, 'loading') : text;
}

function fillMetricSelects() {
  const options = metrics.map((m) => [m.code, metricName(m, state.lang)]);
  fillSelect($('#compare-metric'), options, state.metric);
  fillSelect($('#series-metric'), options, state.seriesMetric);
}

function fillYearSelects() {
  const years = yearChoices();
  if (state.year && !years.includes(state.year)) years.push(state.year);
  fillSelect($('#compare-year'), years.map((y) => [y, y]), state.year);
  fillSelect($('#compare-period'), periodChoices().map((p) => [p, periodName(p, state.lang)]), state.period);
  fillSelect($('#series-grain'), ['YEAR', 'HALF', 'QUARTER', 'MONTH'].map((g) => [g, t(state.lang, `grain${g}`)]), state.grain);
  const open = [['', t(state.lang, 'anyYear')], ...years.map((y) => [y, y])];
  fillSelect($('#series-from'), open, state.yearFrom ?? '');
  fillSelect($('#series-to'), open, state.yearTo ?? '');
}

/** A ranking period as words: "" → the whole year, M10 → "Tháng 10" / "October"… */
function periodName(period, lang) {
  if (!period) return t(lang, 'wholeYear');
  const n = Number(period.slice(1));
  if (period[0] === 'H') return t(lang, n === 1 ? 'halfFirst' : 'halfSecond');
  return t(lang, period[0] === 'M' ? 'periodMonth' : 'periodQuarter', { n });
}

/** The latest year with figures for the metric; last year when the API cannot say. */
async function defaultYear(metric) {
  try {
    const years = await fetchYearsWithData({ metric, kind: state.kind });
    if (years.length) return years[0].year;
  } catch {
    // Fall through: a page without a year still works, the user picks one.
  }
  return new Date().getFullYear() - 1;
}

/** Turn the ids of the URL into units (names for the chips); unknown ids are dropped. */
async function resolveSelection() {
  const selection = { scope: state.scope, parent: null, level: state.level, units: [] };
  if (state.scope === 'units') {
    selection.units = await fetchUnitsByIds(state.unitIds);
    state.unitIds = selection.units.map((u) => u.id);
  } else if (state.scope === 'parent') {
    selection.parent = state.parentId ? (await fetchUnitsByIds([state.parentId]))[0] || null : await fetchUnitByCode(DEFAULT_PARENT_CODE);
    state.parentId = selection.parent ? selection.parent.id : null;
  }
  return selection;
}

function applySelection(selection) {
  state.scope = selection.scope;
  state.parentId = selection.parent ? selection.parent.id : null;
  state.level = selection.level;
  state.unitIds = selection.units.map((u) => u.id);
}

function showSource(figure, { focus = false } = {}) {
  selected = figure;
  hook.selected = figure;
  const panel = $('#source-panel');
  renderSource(panel, figure, state.lang);
  if (focus) $('#source-heading').focus();
  else panel.scrollIntoView({ block: 'nearest' });
}

/** The figures the selection rule chose among, for the source panel's "show the others". */
function alternativesLoader(unitId, metric, year) {
  return () => fetchAlternatives({ unitId, metric, year, kind: state.kind });
}

function compareFigure(model, row) {
  return {
    unitName: model.label(row.unit), year: model.year, value: row.value, unit: model.unit, periodLabel: row.periodLabel, partialYear: row.partialYear,
    source: row.source, reviewStatus: row.reviewStatus, alternatives: row.alternatives,
    loadAlternatives: alternativesLoader(row.unit.id, model.metricCode, model.year),
  };
}

function seriesFigure(model, series, point) {
  return {
    unitName: model.label(series.unit), year: point.year, value: point.value, unit: model.unit, periodLabel: point.periodLabel, partialYear: point.partialYear,
    source: point.source, reviewStatus: point.reviewStatus, alternatives: point.alternatives,
    loadAlternatives: alternativesLoader(series.unit.id, model.metricCode, point.year),
  };
}

/** A level too big to rank without a parent (every ward nationwide): say so instead of asking the API. */
function levelNeedsParent() {
  return state.scope === 'level' && LEVELS_NEEDING_PARENT.includes(state.level);
}

// ---------- the two views ----------

function drawCompare(model) {
  const panel = panels.compare;
  const lang = state.lang;
  $('.chart-title', panel).textContent = `${model.metricName} — ${model.period ? `${periodName(model.period, lang)}, ` : ''}${model.year}`;
  const box = $('.bar-box', panel);
  box.style.height = `${rankingHeight(model.rows.length + model.missing.length)}px`;
  const canvas = $('#bar-chart');
  canvas.setAttribute('aria-label', t(lang, 'dotAria', { metric: model.metricName, year: model.year, n: model.rows.length, m: model.missing.length }));
  const select = (row, focus) => {
    model.mark = { datasetIndex: 0, index: model.rows.indexOf(row) };
    highlight('bar', model.mark);
    showSource(compareFigure(model, row), { focus });
  };
  const chart = renderRanking(canvas, model, { lang, label: model.label, onSelect: (row) => select(row, false) });
  if (model.mark) highlight('bar', model.mark);
  const axisNote = $('.axis-note', panel);
  axisNote.hidden = !chart.$cchcAxis.broken;
  axisNote.textContent = chart.$cchcAxis.broken ? `≈ ${t(lang, 'axisBreak', { min: formatValue(chart.$cchcAxis.min, model.unit, lang) })}` : '';
  renderRankLegend($('.rank-legend', panel), model, lang);
  renderMissing($('.missing', panel), model.missing.map((u) => ({ ...u, name: model.label(u) })), lang);
  renderCompareTable($('.table-wrap', panel), model, lang, (row) => select(row, true));
  // Say what a reader must know before comparing: nothing to rank, part-year values, a changed definition.
  const notes = [];
  if (!model.rows.length) notes.push(t(lang, 'compareEmpty'));
  if (model.rows.some((r) => r.partialYear)) notes.push(`△ ${t(lang, 'partialInRanking')}`);
  if (model.rows.some((r) => r.definitionChanged)) notes.push(`⚠ ${t(lang, 'definitionChanged')}`);
  setStatus('compare', 'ready', notes.join(' '));
  markSample(model.rows.some((r) => r.source && r.source.sample), lang);
}

/** What the ranking's marks mean: ● the year, ○ the baseline year, ✕ a target (when any). */
function renderRankLegend(list, model, lang) {
  const items = [
    el('li', {}, el('span', { class: 'mark mark-full', 'aria-hidden': 'true' }), ` ${model.year}`),
    el('li', {}, el('span', { class: 'mark mark-previous', 'aria-hidden': 'true' }), ` ${model.baselineYear}`),
  ];
  if (model.targets && model.targets.size) items.push(el('li', { class: 'legend-target' }, el('span', { class: 'mark-target', 'aria-hidden': 'true' }, '✕'), ` ${t(lang, 'targetDot')}`));
  items.push(el('li', {}, '▲ ▼ ', t(lang, 'colChange'), ' · ↑ ↓ ', t(lang, 'colRankChange')));
  list.replaceChildren(...items);
}

async function loadCompare() {
  const view = views.compare;
  const seq = ++view.seq;
  const scope = levelNeedsParent() ? null : unitScope(state);
  if (!scope) {
    clearRanking();
    view.model = null;
    renderMissing($('.missing', panels.compare), [], state.lang);
    $('.table-wrap', panels.compare).replaceChildren();
    $('.axis-note', panels.compare).hidden = true;
    setStatus('compare', 'ready', levelNeedsParent() ? t(state.lang, 'levelNeedsParent', { level: levelName(state.level, state.lang) }) : t(state.lang, 'noUnitsChosen'));
    return;
  }
  setStatus('compare', 'loading');
  const metric = metricByCode(state.metric);
  const args = { metric: state.metric, year: state.year, asOf: state.asOf, includeUnreviewed: state.includeUnreviewed, ...periodArgs(state.period), ...scope };
  // Targets for the same units and year are drawn beside the actual values.
  const [result, targets] = await Promise.all([
    fetchCompare({ ...args, kind: state.kind }),
    state.kind === 'ACTUAL' ? fetchCompare({ ...args, kind: 'TARGET' }) : null,
  ]);
  if (seq !== view.seq) return;
  view.model = {
    ...result, unit: metric ? metric.unit : 'count', metricName: metricName(metric, state.lang) || state.metric, metricCode: state.metric, year: state.year, period: state.period,
    label: labeller([...result.rows.map((r) => r.unit), ...result.missing]), asOf: state.asOf,
    targets: new Map(targets ? targets.rows.map((r) => [r.unit.id, r.value]) : []),
  };
  view.stale = false;
  drawCompare(view.model);
}

function drawSeries(model) {
  const panel = panels.series;
  const lang = state.lang;
  const range = model.years.length ? ` — ${model.years[0]}–${model.years[model.years.length - 1]}` : '';
  $('.chart-title', panel).textContent = `${model.metricName}${range}`;
  const canvas = $('#line-chart');
  canvas.setAttribute('aria-label', t(lang, 'lineAria', { metric: model.metricName, n: model.series.length }));
  const select = (series, point, focus) => {
    model.mark = { datasetIndex: model.series.indexOf(series), index: model.years.indexOf(point.slot) };
    highlight('line', model.mark);
    showSource(seriesFigure(model, series, point), { focus });
  };
  const chart = renderLine(canvas, model, { lang, label: model.label, onSelect: (series, point) => select(series, point, false) });
  lineLegend($('#series-legend'), chart, lang);
  $('.legend-target', panel).hidden = !(model.targets && model.targets.size);
  if (model.mark) highlight('line', model.mark);
  renderMissing($('.missing', panel), model.missing.map((u) => ({ ...u, name: model.label(u) })), lang);
  renderSeriesTable($('.table-wrap', panel), model, lang, (series, point) => select(series, point, true));
  setStatus('series', 'ready', model.series.length ? '' : t(lang, 'seriesEmpty'));
  markSample(model.series.some((s) => s.points.some((p) => p.source && p.source.sample)), lang);
}

async function loadSeries() {
  const view = views.series;
  const seq = ++view.seq;
  const scope = levelNeedsParent() ? null : unitScope(state);
  if (!scope) {
    clearChart('line');
    $('#series-legend').replaceChildren();
    view.model = null;
    renderMissing($('.missing', panels.series), [], state.lang);
    $('.table-wrap', panels.series).replaceChildren();
    setStatus('series', 'ready', levelNeedsParent() ? t(state.lang, 'levelNeedsParent', { level: levelName(state.level, state.lang) }) : t(state.lang, 'noUnitsChosen'));
    return;
  }
  setStatus('series', 'loading');
  const metric = metricByCode(state.seriesMetric);
  const grain = state.grain;
  const args = { metric: state.seriesMetric, yearFrom: state.yearFrom, yearTo: state.yearTo, asOf: state.asOf, grain, includeUnreviewed: state.includeUnreviewed, ...scope };
  const [all, targetSeries] = await Promise.all([
    fetchTimeSeries({ ...args, kind: state.kind }),
    state.kind === 'ACTUAL' ? fetchTimeSeries({ ...args, kind: 'TARGET' }) : null,
  ]);
  if (seq !== view.seq) return;
  for (const s of all) for (const p of s.points) p.slot = pointSlot(p, grain);
  const series = all.filter((s) => s.points.length);
  const missing = all.filter((s) => !s.points.length).map((s) => s.unit);
  // Targets of the units drawn, by unit id: crosses beside the actual values.
  for (const s of targetSeries || []) for (const p of s.points) p.slot = pointSlot(p, grain);
  const targets = new Map((targetSeries || []).filter((s) => s.points.length && series.some((x) => x.unit.id === s.unit.id)).map((s) => [s.unit.id, s.points]));
  const slots = [...series.flatMap((s) => s.points.map((p) => p.slot)), ...[...targets.values()].flat().map((p) => p.slot)];
  const span = slotSpan(slots, grain, state.yearFrom, state.yearTo);
  view.model = {
    series, missing, years: span, unit: metric ? metric.unit : 'count', targets, label: labeller(all.map((s) => s.unit)),
    metricName: metricName(metric, state.lang) || state.seriesMetric, metricCode: state.seriesMetric,
  };
  view.stale = false;
  drawSeries(view.model);
}

/** Fetch (when stale) and draw the visible tab; the hidden one waits until shown (a hidden canvas has no size). */
async function refresh() {
  syncUrl();
  const tab = state.tab;
  const view = views[tab];
  try {
    if (view.stale || !view.model) await (tab === 'compare' ? loadCompare() : loadSeries());
    else if (tab === 'compare') drawCompare(view.model);
    else drawSeries(view.model);
    showError(null);
  } catch (err) {
    setStatus(tab, 'error', '');
    showError(err);
  }
}

function invalidate(...tabs) {
  for (const tab of tabs) views[tab].stale = true;
  refresh();
}

// ---------- controls ----------

function showTab(tab) {
  state.tab = tab;
  for (const button of document.querySelectorAll('[role="tab"]')) {
    const active = button.dataset.tab === tab;
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
  }
  for (const [name, panel] of Object.entries(panels)) panel.hidden = name !== tab;
  refresh();
}

function bindTabs() {
  const buttons = [...document.querySelectorAll('[role="tab"]')];
  for (const button of buttons) {
    button.addEventListener('click', () => showTab(button.dataset.tab));
    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    button.addEventListener('keydown', (event) => {
      const i = buttons.indexOf(button);
      const next = event.key === 'ArrowRight' ? buttons[(i + 1) % buttons.length]
        : event.key === 'ArrowLeft' ? buttons[(i - 1 + buttons.length) % buttons.length] : null;
      if (next) {
        event.preventDefault();
        next.focus();
        showTab(next.dataset.tab);
      }
    });
  }
}

function download(tab, kind) {
  const model = views[tab].model;
  if (!model) return;
  const lang = state.lang;
  const panel = panels[tab];
  // The PNG carries what the page shows around the canvas: the title, the legend and the link to this view.
  const notes = [`${t(lang, 'title')} · ${window.location.href}`];
  // A picture travels without the page: it carries the data version and the sample-data warning too.
  if (state.asOf) notes.unshift($('#asof-note').textContent);
  if (!$('#sample-banner').hidden) notes.unshift($('#sample-banner').textContent);
  if (tab === 'compare' && !$('.axis-note', panel).hidden) notes.unshift($('.axis-note', panel).textContent);
  if (tab === 'compare') {
    const name = fileName([model.metricCode, model.year], kind);
    if (kind === 'csv') downloadCsv(compareRows(model, lang), name);
    else downloadPng(chartPng($('#bar-chart'), { title: $('.chart-title', panel).textContent, notes }), name);
  } else {
    const name = fileName([model.metricCode, model.years[0], model.years[model.years.length - 1]], kind);
    if (kind === 'csv') {
      downloadCsv(seriesRows(model, lang), name);
      return;
    }
    const chart = hook.line;
    const legend = chart.data.datasets
      .filter((_, i) => chart.isDatasetVisible(i))
      .map((ds) => ({ label: ds.label, color: ds.borderColor, dashed: ds.borderDash.length > 0 }));
    notes.unshift(`△ ${t(lang, 'partialNote')} · ● ${t(lang, 'fullNote')}`);
    downloadPng(chartPng($('#line-chart'), { title: $('.chart-title', panel).textContent, legend, notes }), name);
  }
}

/**
 * The permalink: this view with the data version fixed (`asOf`: now, unless the view already has one), so a
 * published chart keeps showing what it showed; with it, the embed code (`embed=1`). Shown under the toolbar and
 * copied when the browser allows it.
 */
async function copyLink(tab) {
  const status = $('.status', panels[tab]);
  const fixed = { ...state, asOf: state.asOf || new Date().toISOString(), embed: false };
  const url = `${window.location.origin}${window.location.pathname}${toQuery(fixed)}`;
  const embedUrl = `${window.location.origin}${window.location.pathname}${toQuery({ ...fixed, embed: true })}`;
  renderPermalink($('.permalink', panels[tab]), { url, embedUrl, lang: state.lang });
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = t(state.lang, 'linkCopied');
  } catch {
    // No clipboard (insecure context or refused): the link is shown, to copy by hand.
  }
}

function bindControls() {
  $('#lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    applyLang();
    fillMetricSelects();
    fillYearSelects();
    if (picker) picker.render();
    for (const view of Object.values(views)) {
      if (view.model) view.model.metricName = metricName(metricByCode(view.model.metricCode), state.lang) || view.model.metricCode;
    }
    if (selected) renderSource($('#source-panel'), selected, state.lang);
    else renderSource($('#source-panel'), null, state.lang);
    refresh();
  });
  $('#compare-metric').addEventListener('change', (e) => { state.metric = e.target.value; invalidate('compare'); });
  $('#compare-year').addEventListener('change', (e) => { state.year = Number(e.target.value); invalidate('compare'); });
  $('#compare-period').addEventListener('change', (e) => { state.period = e.target.value; invalidate('compare'); });
  $('#series-grain').addEventListener('change', (e) => { state.grain = e.target.value; invalidate('series'); });
  $('#series-metric').addEventListener('change', (e) => { state.seriesMetric = e.target.value; invalidate('series'); });
  $('#series-from').addEventListener('change', (e) => { state.yearFrom = e.target.value ? Number(e.target.value) : null; invalidate('series'); });
  $('#series-to').addEventListener('change', (e) => { state.yearTo = e.target.value ? Number(e.target.value) : null; invalidate('series'); });
  $('#kind-select').addEventListener('change', (e) => { state.kind = e.target.value; invalidate('compare', 'series'); });
  $('#unreviewed-check').addEventListener('change', (e) => { state.includeUnreviewed = e.target.checked; invalidate('compare', 'series'); });
  for (const [tab, panel] of Object.entries(panels)) {
    for (const button of panel.querySelectorAll('[data-action]')) {
      button.addEventListener('click', () => {
        const action = button.dataset.action;
        if (action === 'link') copyLink(tab);
        else download(tab, action);
      });
    }
  }
}

// ---------- start ----------

async function main() {
  applyLang();
  applyPageMode(state);
  // The sample-data banner: sources marked as the demo's samples mean the figures are not real.
  fetchSources().then((sources) => markSample(sources.some((s) => s.sample), state.lang, { global: true })).catch(() => {});
  if (state.unit) {
    $('#lang-toggle').addEventListener('click', () => {
      state.lang = state.lang === 'vi' ? 'en' : 'vi';
      window.location.search = unitPageQuery(state.unit, state);
    });
    try {
      await showUnitPage(state.unit, { state, lang: state.lang });
    } catch (err) {
      showError(err);
    }
    return;
  }
  bindTabs();
  bindControls();
  renderSource($('#source-panel'), null, state.lang);
  $('#kind-select').value = state.kind;
  $('#unreviewed-check').checked = !!state.includeUnreviewed;
  if (!TABS.includes(state.tab)) state.tab = 'compare';
  try {
    const [metricList, selection] = await Promise.all([fetchMetrics(), resolveSelection()]);
    metrics = metricList;
    if (!state.year) state.year = await defaultYear(state.metric);
    fillMetricSelects();
    fillYearSelects();
    picker = createUnitPicker($('#unit-picker'), {
      lang: () => state.lang,
      initial: selection,
      onChange: (next) => {
        applySelection(next);
        invalidate('compare', 'series');
      },
    });
  } catch (err) {
    showError(err);
    return;
  }
  showTab(state.tab);
}

main();
