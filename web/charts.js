/**
 * The time-series chart (the ranking is in ranking.js), drawn with Chart.js (global `Chart`, loaded from /assets/vendor/chart.umd.js before this module).
 * The live instances are exposed as `window.__cchcCharts.{bar,line}` for the browser test and for curious users.
 */
import { formatValue, t } from './i18n.js';

const Chart = window.Chart;

/** Colour-blind-safe palette (Okabe–Ito, darkened where needed for contrast on white), then a few more. */
export const PALETTE = ['#0060a8', '#c25400', '#007a5a', '#b0307a', '#6d4c9f', '#8a6d00', '#3a3a3a', '#0089a8', '#a52a2a', '#4f7f00'];
const GRID_COLOR = '#e2e5e9';
const TEXT_COLOR = '#1f2328';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

const hook = (window.__cchcCharts = window.__cchcCharts || { bar: null, line: null });

Chart.defaults.font.family = FONT;
Chart.defaults.color = TEXT_COLOR;

/** Paint a white background so the downloaded PNG is readable in any viewer (canvases are transparent). */
export const whiteBackground = {
  id: 'cchcWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function destroy(which) {
  if (hook[which]) hook[which].destroy();
  hook[which] = null;
}

function isSelected(chart, datasetIndex, index) {
  const s = chart.$cchcSelected;
  return !!s && s.datasetIndex === datasetIndex && s.index === index;
}

/**
 * Partial-year points are hollow triangles, full-year points filled circles (also explained under the chart);
 * the selected point is drawn larger with a dark ring.
 */
function pointOption(full, partial, selected = (v) => v) {
  return (ctx) => {
    const value = ctx.raw && ctx.raw.point && ctx.raw.point.partialYear ? partial : full;
    return isSelected(ctx.chart, ctx.datasetIndex, ctx.dataIndex) ? selected(value) : value;
  };
}

/** Mark the element whose source is shown ({ datasetIndex, index }), or none (null). */
export function highlight(which, element) {
  const chart = hook[which];
  if (!chart) return;
  chart.$cchcSelected = element;
  chart.update('none');
}

/**
 * One line per unit over the years (or months, quarters, halves). `model` is { series: [{ unit, points }], years,
 * unit, metricName }; `years` is the whole axis of slots ("2024", or "2025-10" by month), and each point carries its
 * `slot`, so data index i is slot years[i]. `onSelect(series, point)` fires when a point is clicked.
 */
export function renderLine(canvas, model, { lang, onSelect, label = (u) => u.name }) {
  destroy('line');
  const labels = model.years.map(String);
  const datasets = model.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const points = model.years.map((slot) => s.points.find((q) => q.slot === slot) || null);
    // A part-year point is never joined to its neighbours: the line breaks on both sides of it.
    const partial = (index) => !!(points[index] && points[index].partialYear);
    return {
      label: label(s.unit),
      // One slot per year of the axis: a year without a figure is a gap in the line, not a straight join.
      data: model.years.map((slot) => {
        const p = s.points.find((q) => q.slot === slot);
        return p ? { x: slot, y: p.value, point: p } : { x: slot, y: null, point: null };
      }),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      // Beyond ten lines colours repeat: dash the second round so lines stay distinguishable.
      borderDash: i >= PALETTE.length ? [6, 4] : [],
      pointStyle: pointOption('circle', 'triangle'),
      pointRadius: pointOption(4, 7, (r) => r + 3),
      pointHoverRadius: pointOption(6, 9, (r) => r + 1),
      pointHitRadius: 8,
      pointBackgroundColor: pointOption(color, '#ffffff'),
      pointBorderColor: pointOption(color, color, () => TEXT_COLOR),
      pointBorderWidth: pointOption(1, 2, () => 3),
      tension: 0,
      spanGaps: false,
      segment: { borderColor: (ctx) => (partial(ctx.p0DataIndex) || partial(ctx.p1DataIndex) ? 'rgba(0,0,0,0)' : undefined) },
    };
  });
  // Targets: a cross in the unit's colour at each slot with a target, no line (the legend toggles them with the unit).
  model.series.forEach((s, i) => {
    const targets = model.targets && model.targets.get(s.unit.id);
    if (!targets || !targets.length) return;
    const color = PALETTE[i % PALETTE.length];
    datasets.push({
      label: `${label(s.unit)} — ${t(lang, 'targetDot')}`, cchcTargetOf: i, showLine: false,
      data: model.years.map((slot) => {
        const p = targets.find((q) => q.slot === slot);
        return { x: slot, y: p ? p.value : null, point: p ? { ...p, target: true } : null };
      }),
      pointStyle: 'crossRot', pointRadius: 8, pointHoverRadius: 9, pointBorderWidth: 2, borderColor: color, backgroundColor: color,
      borderDash: [],
    });
  });
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { offset: true, grid: { color: GRID_COLOR } },
        y: { grace: '5%', grid: { color: GRID_COLOR }, ticks: { callback: (v) => formatValue(v, model.unit, lang) } },
      },
      plugins: {
        // The legend is HTML under the chart (see lineLegend): with 20 districts it would eat the plot area.
        legend: { display: false },
        tooltip: {
          callbacks: {
            label(item) {
              const p = item.raw.point;
              const period = p.periodLabel ? ` (${p.periodLabel})` : '';
              const source = p.source && p.source.sourceName ? ` · ${p.source.sourceName}` : '';
              return `${item.dataset.label}: ${formatValue(p.value, model.unit, lang)}${period}${source}`;
            },
            footer: () => t(lang, 'showSource'),
          },
        },
      },
      onClick(_event, elements) {
        const hit = elements[0];
        if (!hit || !onSelect || !chart.data.datasets[hit.datasetIndex].data[hit.index].point) return;
        const ds = chart.data.datasets[hit.datasetIndex];
        onSelect(model.series[ds.cchcTargetOf ?? hit.datasetIndex], ds.data[hit.index].point);
      },
      onHover(event, elements) {
        event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
    plugins: [whiteBackground],
  });
  hook.line = chart;
  return chart;
}

/**
 * The line chart's legend as a list of toggle buttons (one per unit, in its line colour and dash), so it wraps
 * under the chart on a phone, is read by screen readers and works from the keyboard.
 */
export function lineLegend(list, chart, lang) {
  const items = chart.data.datasets.map((ds, i) => {
    if (ds.cchcTargetOf !== undefined) return null;
    const targetIndex = chart.data.datasets.findIndex((d) => d.cchcTargetOf === i);
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.borderTopColor = ds.borderColor;
    swatch.style.borderTopStyle = ds.borderDash.length ? 'dashed' : 'solid';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'legend-item';
    button.setAttribute('aria-pressed', 'true');
    button.title = t(lang, 'toggleSeries');
    button.append(swatch, document.createTextNode(ds.label));
    button.addEventListener('click', () => {
      const visible = !chart.isDatasetVisible(i);
      chart.setDatasetVisibility(i, visible);
      if (targetIndex >= 0) chart.setDatasetVisibility(targetIndex, visible);
      chart.update();
      button.setAttribute('aria-pressed', String(visible));
    });
    const li = document.createElement('li');
    li.append(button);
    return li;
  });
  list.replaceChildren(...items.filter(Boolean));
}

export function clearChart(which) {
  destroy(which);
}
