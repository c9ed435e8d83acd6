/**
 * A unit's own page (`/?unit=<id>`): each metric with data over the years against its province's median and the
 * range of its peers (same level, same province), its latest figures with their sources, the units it replaced or
 * that replaced it across the reorganisations, and a link to all its figures as CSV.
 * Charts are exposed as `window.__cchcCharts.unit[metricCode]`.
 */
import { $, el, safeHref } from './dom.js';
import { t, metricName, formatValue, formatDate, levelName } from './i18n.js';
import { fetchMetrics, fetchUnitProfile, fetchTimeSeries, fetchPeerStats } from './api.js';
import { nameWithParent } from './names.js';
import { unitPageQuery } from './state.js';
import { reviewText } from './views.js';
import { PALETTE } from './charts.js';

const Chart = window.Chart;
const hook = (window.__cchcCharts = window.__cchcCharts || {});
const BAND = 'rgba(0, 96, 168, 0.12)';
const MEDIAN = '#3a3a3a';

function unitLink(u, state) {
  return el('a', { href: unitPageQuery(u.id, state), class: 'unit-link', 'data-unit-id': u.id }, nameWithParent(u));
}

function drawMetric(canvas, { unit, series, peers, metric, lang, provinceName }) {
  const years = [...new Set([...series.points.map((p) => p.year), ...peers.map((p) => p.year)])].sort((a, b) => a - b);
  const at = (list, year, key) => {
    const hit = list.find((p) => p.year === year);
    return hit ? hit[key] : null;
  };
  const own = series.points;
  const partial = (i) => { const p = own.find((q) => q.year === years[i]); return !!(p && p.partialYear); };
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: years.map(String),
      datasets: [
        { label: unit.name, data: years.map((y) => at(own, y, 'value')), borderColor: PALETTE[0], backgroundColor: PALETTE[0], borderWidth: 3,
          pointStyle: (ctx) => (partial(ctx.dataIndex) ? 'triangle' : 'circle'), pointRadius: 5, spanGaps: false,
          segment: { borderColor: (ctx) => (partial(ctx.p0DataIndex) || partial(ctx.p1DataIndex) ? 'rgba(0,0,0,0)' : undefined) } },
        { label: t(lang, 'unitMedian', { province: provinceName }), data: years.map((y) => at(peers, y, 'median')), borderColor: MEDIAN,
          borderDash: [6, 4], borderWidth: 2, pointRadius: 0, spanGaps: false },
        { label: `${t(lang, 'unitRange')} (min)`, data: years.map((y) => at(peers, y, 'min')), borderColor: 'rgba(0,0,0,0)', pointRadius: 0, fill: false },
        { label: t(lang, 'unitRange'), data: years.map((y) => at(peers, y, 'max')), borderColor: 'rgba(0,0,0,0)', backgroundColor: BAND, pointRadius: 0, fill: '-1' },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { grace: '5%', ticks: { callback: (v) => formatValue(v, metric.unit, lang) } } },
      plugins: {
        legend: { labels: { filter: (item) => !item.text.endsWith('(min)') } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatValue(item.raw, metric.unit, lang)}` } },
      },
    },
  });
  return chart;
}

/** Replace the charts with the unit's page. */
export async function showUnitPage(unitId, { state, lang }) {
  const page = $('#unit-page');
  for (const node of document.querySelectorAll('.controls, #charts')) node.hidden = true;
  page.hidden = false;
  page.dataset.status = 'loading';
  const [profile, metrics] = await Promise.all([fetchUnitProfile(unitId), fetchMetrics()]);
  if (!profile) {
    page.replaceChildren(el('p', { class: 'error-banner' }, t(lang, 'unitNotFound')), el('a', { href: '/' }, t(lang, 'unitBack')));
    page.dataset.status = 'ready';
    return;
  }
  const { unit, province } = profile;
  document.title = `${nameWithParent(unit)} — ${t(lang, 'title')}`;
  const results = await Promise.all(metrics.map(async (metric) => {
    const [series] = await fetchTimeSeries({ metric: metric.code, unitIds: [unit.id], kind: state.kind, asOf: state.asOf });
    if (!series || !series.points.length) return null;
    const peers = province ? await fetchPeerStats({ metric: metric.code, provinceId: province.id, level: unit.level, kind: state.kind }) : [];
    return { metric, series, peers };
  }));
  const shown = results.filter(Boolean);
  hook.unit = {};

  const header = el('header', { class: 'unit-header' },
    el('p', {}, el('a', { href: '/' + (lang === 'en' ? '?lang=en' : '') }, `← ${t(lang, 'unitBack')}`)),
    el('h2', { id: 'unit-title' }, nameWithParent(unit)),
    el('p', { class: 'unit-meta' }, [levelName(unit.level, lang), unit.code ? `${unit.codeSet || ''} ${unit.code}`.trim() : '',
      unit.validFrom ? t(lang, 'validFrom', { date: formatDate(unit.validFrom, lang) }) : '',
      unit.validTo ? t(lang, 'validUntil', { date: formatDate(unit.validTo, lang) }) : ''].filter(Boolean).join(' · ')),
    el('p', {}, el('a', { class: 'unit-csv button', href: `/export/figures.csv?unitIds=${encodeURIComponent(unit.id)}`, download: '' }, t(lang, 'unitCsv'))));

  const history = el('section', { class: 'unit-history', 'aria-labelledby': 'unit-history-h' },
    el('h3', { id: 'unit-history-h' }, t(lang, 'unitHistory')),
    profile.predecessors.length || profile.successors.length ? '' : el('p', {}, t(lang, 'unitNoHistory')),
    profile.predecessors.length ? el('div', { class: 'predecessors' }, el('h4', {}, t(lang, 'unitPredecessors')),
      el('ul', {}, profile.predecessors.map((u) => el('li', {}, unitLink(u, state))))) : '',
    profile.successors.length ? el('div', { class: 'successors' }, el('h4', {}, t(lang, 'unitSuccessors')),
      el('ul', {}, profile.successors.map((u) => el('li', {}, unitLink(u, state))))) : '');

  const latestRows = shown.map(({ metric, series }) => {
    const p = series.points[series.points.length - 1];
    const s = p.source || {};
    const href = safeHref(s.url);
    return el('tr', { 'data-metric': metric.code },
      el('th', { scope: 'row' }, metricName(metric, lang)),
      el('td', { class: 'num' }, p.year),
      el('td', { class: 'num' }, formatValue(p.value, metric.unit, lang), p.partialYear ? ' △' : ''),
      el('td', {}, s.sourceName || '', s.sample ? el('span', { class: 'badge badge-sample' }, t(lang, 'sampleSource')) : ''),
      el('td', {}, reviewText(p.reviewStatus, lang)),
      el('td', {}, href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, s.title || s.url) : ''));
  });
  const latest = el('section', { class: 'unit-latest', 'aria-labelledby': 'unit-latest-h' },
    el('h3', { id: 'unit-latest-h' }, t(lang, 'unitLatest')),
    shown.length ? el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['colMetric', 'colYear', 'colValue', 'colSourceName', 'colReview', 'colTitle'].map((k) => el('th', { scope: 'col' }, t(lang, k))))),
      el('tbody', {}, latestRows))) : el('p', {}, t(lang, 'unitNoFigures')));

  const charts = el('section', { class: 'unit-metrics', 'aria-labelledby': 'unit-metrics-h' }, el('h3', { id: 'unit-metrics-h' }, t(lang, 'unitMetrics')));
  page.replaceChildren(header, latest, charts, history);
  for (const { metric, series, peers } of shown) {
    const canvas = el('canvas', { role: 'img', 'aria-label': `${metricName(metric, lang)}: ${nameWithParent(unit)}` });
    charts.append(el('div', { class: 'unit-metric', 'data-metric': metric.code }, el('h4', {}, metricName(metric, lang)), el('div', { class: 'chart-box' }, canvas)));
    hook.unit[metric.code] = drawMetric(canvas, { unit, series, peers, metric, lang, provinceName: province ? province.name : '' });
  }
  page.dataset.status = 'ready';
}
