// Small SVG charts drawn with DOM calls (no library): horizontal bars, one or two series, each chart with its
// data as a table for screen readers and for anyone who prefers numbers.
import { h, s, uid } from './dom.js';
import { formatNumber, t } from './i18n.js';

const SERIES_CLASSES = ['bar-a', 'bar-b'];

/**
 * rows: [{label, values: [n, ...]}], series: [name, ...]. Returns a <figure> with the SVG and a data table.
 */
export function barChart({ title, rows, series, format = formatNumber }) {
  const width = 720;
  const labelWidth = 270;
  const barHeight = 14;
  const gap = 4;
  const groupGap = 14;
  const groupHeight = series.length * (barHeight + gap) + groupGap;
  const top = 8;
  const height = top + rows.length * groupHeight + 8;
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const scale = (width - labelWidth - 120) / max;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const summary = rows.map((row) => `${row.label}: ${row.values.map((v, i) => `${series[i]} ${format(v)}`).join(', ')}`)
    .join('; ');

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    preserveAspectRatio: 'xMinYMin meet',
  }, s('title', { id: titleId }, title), s('desc', { id: descId }, summary));
  rows.forEach((row, index) => {
    const y = top + index * groupHeight;
    svg.appendChild(s('text', { x: labelWidth - 8, y: y + (series.length * (barHeight + gap)) / 2 + 4, class: 'chart-label', 'text-anchor': 'end' }, row.label));
    row.values.forEach((value, i) => {
      const barY = y + i * (barHeight + gap);
      const w = Math.max(value > 0 ? 2 : 0, value * scale);
      svg.appendChild(s('rect', { x: labelWidth, y: barY, width: w, height: barHeight, rx: 2, class: SERIES_CLASSES[i % 2] }));
      svg.appendChild(s('text', { x: labelWidth + w + 6, y: barY + barHeight - 3, class: 'chart-value' }, format(value)));
    });
  });

  const legend = series.length > 1 ? h('ul', { class: 'legend' }, series.map((name, i) => h('li', {},
    h('span', { class: ['swatch', SERIES_CLASSES[i % 2]], 'aria-hidden': 'true' }), name))) : null;

  const table = h('table', { class: 'data-table' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), series.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label),
      row.values.map((v) => h('td', {}, format(v)))))));

  return h('figure', { class: 'chart-figure' },
    h('figcaption', {}, title),
    legend,
    svg,
    h('details', { class: 'chart-data' }, h('summary', {}, t('stats.table')), table));
}
