/**
 * The two charts, drawn with Chart.js (global `Chart`, loaded from /assets/vendor/chart.umd.js before this module).
 * The live instances are exposed as `window.__cchcCharts.{bar,line}` for the browser test and for curious users.
 */
import { formatValue, formatChange, t } from './i18n.js';

const Chart = window.Chart;

/** Colour-blind-safe palette (Okabe–Ito, darkened where needed for contrast on white), then a few more. */
export const PALETTE = ['#0060a8', '#c25400', '#007a5a', '#b0307a', '#6d4c9f', '#8a6d00', '#3a3a3a', '#0089a8', '#a52a2a', '#4f7f00'];
const BAR_COLOR = '#0060a8';
/** The bar or point whose source is shown. */
const SELECTED_COLOR = '#c25400';
const MISSING_COLOR = '#5f6368';
const GRID_COLOR = '#e2e5e9';
const TEXT_COLOR = '#1f2328';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

const hook = (window.__cchcCharts = window.__cchcCharts || { bar: null, line: null });

Chart.defaults.font.family = FONT;
Chart.defaults.color = TEXT_COLOR;

/** Paint a white background so the downloaded PNG is readable in any viewer (canvases are transparent). */
const whiteBackground = {
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

/** Bar ends carry their value; rows without data say so in words instead of showing an empty (zero-looking) bar. */
const barLabels = {
  id: 'cchcBarLabels',
  afterDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea } = chart;
    const meta = chart.getDatasetMeta(0);
    const data = chart.data.datasets[0].data;
    ctx.save();
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => {
      const value = data[i];
      if (value === null || value === undefined) {
        ctx.font = `italic 12px ${FONT}`;
        ctx.fillStyle = MISSING_COLOR;
        ctx.textAlign = 'left';
        ctx.fillText(opts.noDataText, chartArea.left + 6, bar.y);
        return;
      }
      const text = formatValue(value, opts.unit, opts.lang);
      ctx.font = `600 12px ${FONT}`;
      const width = ctx.measureText(text).width;
      // Inside the bar's end when there is no room to its right.
      const inside = bar.x + 6 + width > chartArea.right;
      ctx.fillStyle = inside ? '#ffffff' : TEXT_COLOR;
      ctx.textAlign = inside ? 'right' : 'left';
      ctx.fillText(text, inside ? bar.x - 6 : bar.x + 6, bar.y);
    });
    ctx.restore();
  },
};

function destroy(which) {
  if (hook[which]) hook[which].destroy();
  hook[which] = null;
}

/** Height for a horizontal bar chart with `rows` bars, so labels never overlap (also on a phone). */
export function barChartHeight(rows) {
  return Math.max(160, 60 + rows * 28);
}

/**
 * Ranked horizontal bars. `model` is { rows, missing, unit, metricName, year }; rows are ranked already.
 * Missing units come after the ranked ones with a null value (drawn as "no data", never as a zero bar).
 * `onSelect(row)` fires when a bar is clicked.
 */
export function renderBar(canvas, model, { lang, onSelect }) {
  destroy('bar');
  const labels = [
    // Part-year values carry the same triangle as in the line chart.
    ...model.rows.map((r) => `${r.rank}. ${r.unit.name}${r.partialYear ? ' △' : ''}`),
    ...model.missing.map((u) => `– ${u.name}`),
  ];
  const data = [...model.rows.map((r) => r.value), ...model.missing.map(() => null)];
  // Percentages end at 100% unless a figure exceeds it (a misread figure should show, not be clipped).
  const max = model.unit === 'percent' && model.rows.every((r) => r.value <= 100) ? 100 : undefined;
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{
        label: model.metricName, data, borderRadius: 3, barPercentage: 0.8, categoryPercentage: 0.9,
        backgroundColor: (ctx) => (isSelected(ctx.chart, 0, ctx.dataIndex) ? SELECTED_COLOR : BAR_COLOR),
      }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 56 } },
      scales: {
        x: { beginAtZero: true, max, grid: { color: GRID_COLOR }, ticks: { callback: (v) => formatValue(v, model.unit, lang) } },
        y: { grid: { display: false }, ticks: { autoSkip: false, font: { size: 12 } } },
      },
      plugins: {
        legend: { display: false },
        cchcBarLabels: { unit: model.unit, lang, noDataText: t(lang, 'noData') },
        tooltip: {
          callbacks: {
            label(item) {
              const row = model.rows[item.dataIndex];
              if (!row) return t(lang, 'noData');
              const lines = [formatValue(row.value, model.unit, lang)];
              if (row.previousValue !== null) lines.push(t(lang, 'previousValue', { value: formatValue(row.previousValue, model.unit, lang) }));
              if (row.change !== null) lines.push(t(lang, 'change', { value: formatChange(row.change, model.unit, lang) }));
              if (row.periodLabel) lines.push(row.periodLabel);
              return lines;
            },
          },
        },
      },
      onClick(_event, elements) {
        const hit = elements[0];
        if (hit && model.rows[hit.index] && onSelect) onSelect(model.rows[hit.index]);
      },
      onHover(event, elements) {
        event.native.target.style.cursor = elements.length && model.rows[elements[0].index] ? 'pointer' : 'default';
      },
    },
    plugins: [whiteBackground, barLabels],
  });
  hook.bar = chart;
  return chart;
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
export function renderLine(canvas, model, { lang, onSelect }) {
  destroy('line');
  const labels = model.years.map(String);
  const datasets = model.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    return {
      label: s.unit.name,
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
    };
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
              return `${item.dataset.label}: ${formatValue(p.value, model.unit, lang)}${period}`;
            },
            footer: () => t(lang, 'showSource'),
          },
        },
      },
      onClick(_event, elements) {
        const hit = elements[0];
        if (!hit || !onSelect || !chart.data.datasets[hit.datasetIndex].data[hit.index].point) return;
        onSelect(model.series[hit.datasetIndex], chart.data.datasets[hit.datasetIndex].data[hit.index].point);
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
      chart.update();
      button.setAttribute('aria-pressed', String(visible));
    });
    const li = document.createElement('li');
    li.append(button);
    return li;
  });
  list.replaceChildren(...items);
}

export function clearChart(which) {
  destroy(which);
}
