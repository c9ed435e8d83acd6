/**
 * The ranking as a dot plot (Chart.js line chart with its index axis vertical and no lines): one row per unit, a
 * filled dot for the year, a hollow dot for the baseline year joined by a thin line, a cross for a target.
 * The value axis is fitted to the data (see scale.js); when it does not start at zero, a zigzag on the axis and
 * a note under the chart say so. The live instance is `window.__cchcCharts.bar` (the name the ranking always had).
 */
import { formatValue, formatChange, t } from './i18n.js';
import { fittedAxis, changeMarks } from './scale.js';
import { whiteBackground } from './charts.js';

const Chart = window.Chart;
const hook = (window.__cchcCharts = window.__cchcCharts || {});

const DOT = '#0060a8';
const PREVIOUS = '#8c959f';
const TARGET = '#a4161a';
const SELECTED = '#c25400';
const UP = '#1a7f37';
const DOWN = '#a4161a';
const MUTED = '#5f6368';
const TEXT = '#1f2328';
const GRID = '#e2e5e9';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
/** Room right of the plot for "99,8%  ▲ +0,9 điểm % · ↑2" (on a phone: "99,8% ▲0,9 ↑2"). */
const CHANGE_COLUMN = 200;
const CHANGE_COLUMN_NARROW = 112;
const NARROW = 600;

/** The connectors (baseline → year), the change column, "no data" rows and the axis break. */
const decorations = {
  id: 'cchcRankDecorations',
  beforeDatasetsDraw(chart, _args, opts) {
    const { ctx } = chart;
    const x = chart.scales.x;
    const now = chart.getDatasetMeta(0).data;
    const before = chart.getDatasetMeta(1).data;
    ctx.save();
    ctx.strokeStyle = PREVIOUS;
    ctx.lineWidth = 2;
    opts.rows.forEach((row, i) => {
      if (row.previousValue === null || !now[i] || !before[i]) return;
      ctx.beginPath();
      ctx.moveTo(Math.max(x.left, before[i].x), now[i].y);
      ctx.lineTo(now[i].x, now[i].y);
      ctx.stroke();
    });
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea } = chart;
    const now = chart.getDatasetMeta(0).data;
    ctx.save();
    ctx.textBaseline = 'middle';
    now.forEach((point, i) => {
      const row = opts.rows[i];
      if (!row) {
        ctx.font = `italic 12px ${FONT}`;
        ctx.fillStyle = MUTED;
        ctx.textAlign = 'left';
        ctx.fillText(opts.noDataText, chartArea.left + 16, point.y);
        return;
      }
      ctx.font = `600 ${opts.narrow ? 11 : 12}px ${FONT}`;
      ctx.fillStyle = TEXT;
      ctx.textAlign = 'left';
      ctx.fillText(formatValue(row.value, opts.unit, opts.lang), chartArea.right + 8, point.y);
      const text = opts.changeText(row);
      if (text) {
        ctx.font = `${opts.narrow ? 11 : 12}px ${FONT}`;
        ctx.fillStyle = row.change > 0 ? UP : row.change < 0 ? DOWN : MUTED;
        ctx.fillText(text, chartArea.right + (opts.narrow ? 50 : 58), point.y);
      }
    });
    if (opts.broken) {
      // A zigzag across the start of the value axis: the axis is cut, it does not start at zero.
      const y = chart.scales.x.top;
      const x0 = chartArea.left;
      ctx.strokeStyle = TEXT;
      ctx.fillStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.fillRect(x0 - 2, y - 7, 12, 14);
      ctx.beginPath();
      ctx.moveTo(x0 - 2, y + 6);
      ctx.lineTo(x0 + 2, y - 6);
      ctx.lineTo(x0 + 6, y + 6);
      ctx.lineTo(x0 + 10, y - 6);
      ctx.stroke();
    }
    ctx.restore();
  },
};

/** Height for a ranking with `rows` rows, so labels never overlap (also on a phone). */
export function rankingHeight(rows) {
  return Math.max(160, 70 + rows * 28);
}

/** "▲ +0,9 điểm % · ↑2" for a row (empty without a baseline); `short`: "▲0,9 ↑2" for a phone. */
export function changeText(row, unit, lang, short = false) {
  const { arrow, rankMove } = changeMarks(row);
  const parts = [];
  if (arrow && short) parts.push(`${arrow}${formatChange(row.change, 'count', lang).replace(/^[+−±]/, '')}`);
  else if (arrow) parts.push(`${arrow} ${formatChange(row.change, unit, lang)}`);
  if (rankMove !== null) parts.push(rankMove > 0 ? `↑${rankMove}` : rankMove < 0 ? `↓${-rankMove}` : '↔');
  return parts.join(short ? ' ' : ' · ');
}

function selectedIndex(chart) {
  return chart.$cchcSelected ? chart.$cchcSelected.index : -1;
}

/**
 * Draw the ranking. `model` is { rows, missing, targets: Map(unitId → value), unit, metricName, year, baselineYear };
 * `label(row|unit)` names a row. `onSelect(row)` fires when a row is clicked.
 */
export function renderRanking(canvas, model, { lang, label, onSelect }) {
  if (hook.bar) hook.bar.destroy();
  const rows = model.rows;
  const labels = [
    ...rows.map((r) => `${r.rank}. ${label(r.unit)}${r.partialYear ? ' △' : ''}`),
    ...model.missing.map((u) => `– ${label(u)}`),
  ];
  const pad = model.missing.map(() => null);
  const targets = model.targets || new Map();
  const targetData = [...rows.map((r) => (targets.has(r.unit.id) ? targets.get(r.unit.id) : null)), ...model.missing.map((u) => (targets.has(u.id) ? targets.get(u.id) : null))];
  const narrow = (canvas.parentElement ? canvas.parentElement.clientWidth : canvas.width) < NARROW;
  const axis = fittedAxis([...rows.map((r) => r.value), ...rows.map((r) => r.previousValue), ...targetData], model.unit);
  const scriptable = (normal, selected) => (ctx) => (ctx.dataIndex === selectedIndex(ctx.chart) ? selected : normal);
  const datasets = [
    {
      label: t(lang, 'currentYearDot', { year: model.year }), data: [...rows.map((r) => r.value), ...pad],
      showLine: false, pointStyle: (ctx) => (rows[ctx.dataIndex] && rows[ctx.dataIndex].partialYear ? 'triangle' : 'circle'),
      pointRadius: scriptable(6, 9), pointHoverRadius: 8,
      backgroundColor: scriptable(DOT, SELECTED), borderColor: scriptable(DOT, TEXT), pointBorderWidth: scriptable(1, 2),
    },
    {
      label: t(lang, 'previousYearDot', { year: model.baselineYear }), data: [...rows.map((r) => r.previousValue), ...pad],
      showLine: false, pointStyle: 'circle', pointRadius: 4, pointHoverRadius: 5,
      backgroundColor: '#ffffff', borderColor: PREVIOUS, pointBorderWidth: 2,
    },
    {
      label: t(lang, 'targetDot'), data: targetData,
      showLine: false, pointStyle: 'crossRot', pointRadius: 8, pointHoverRadius: 9, borderColor: TARGET, backgroundColor: TARGET, pointBorderWidth: 2,
    },
  ];
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: narrow ? CHANGE_COLUMN_NARROW : CHANGE_COLUMN } },
      interaction: { mode: 'index', axis: 'y', intersect: false },
      scales: {
        x: {
          type: 'linear', min: axis.min, max: axis.max, grid: { color: GRID },
          ticks: { callback: (v) => formatValue(v, model.unit, lang) },
        },
        y: { type: 'category', grid: { display: false }, ticks: { autoSkip: false, font: { size: narrow ? 11 : 12 } } },
      },
      plugins: {
        legend: { display: false },
        cchcRankDecorations: {
          rows, unit: model.unit, lang, broken: axis.broken, noDataText: t(lang, 'noData'), narrow,
          changeText: (row) => changeText(row, model.unit, lang, narrow),
        },
        tooltip: {
          filter: (item) => item.raw !== null && item.raw !== undefined,
          callbacks: {
            label(item) {
              const row = rows[item.dataIndex];
              if (item.datasetIndex === 2) return `${t(lang, 'targetDot')}: ${formatValue(item.raw, model.unit, lang)}`;
              if (!row) return t(lang, 'noData');
              if (item.datasetIndex === 1) return t(lang, 'previousValue', { value: formatValue(row.previousValue, model.unit, lang) });
              const lines = [formatValue(row.value, model.unit, lang)];
              if (row.change !== null) lines.push(t(lang, 'change', { value: formatChange(row.change, model.unit, lang) }));
              if (row.periodLabel) lines.push(row.periodLabel);
              if (row.source && row.source.sourceName) lines.push(row.source.sourceName);
              return lines;
            },
          },
        },
      },
      onClick(_event, elements) {
        const hit = elements[0];
        if (hit && rows[hit.index] && onSelect) onSelect(rows[hit.index]);
      },
      onHover(event, elements) {
        event.native.target.style.cursor = elements.length && rows[elements[0].index] ? 'pointer' : 'default';
      },
    },
    plugins: [whiteBackground, decorations],
  });
  chart.$cchcAxis = axis;
  hook.bar = chart;
  return chart;
}

export function clearRanking() {
  if (hook.bar) hook.bar.destroy();
  hook.bar = null;
}
