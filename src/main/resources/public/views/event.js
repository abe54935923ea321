// One conjunction event: its latest state, miss distance and Pc over time as charts (one point per update, in the
// order computed; Pc on a log scale), its CDM, and every update with its provenance, its conjunction and its CDM.
import * as api from '../api.js';
import { h, svg, utc, timeWithAge, km, meters, pc, pcKind, labelBadge, duration, facts, objectLink,
  sectionTable } from '../ui.js';
import { cdmDownloads } from './conjunction.js';
import { linear, timeAxis } from '../charts.js';

export const title = 'Event';

/** Pc thresholds drawn on the chart: the common red (1e-4) and yellow (1e-5) levels of conjunction assessment. */
const PC_THRESHOLDS = [1e-4, 1e-5];
const MISS_THRESHOLD_METERS = 1000;
const WIDTH = 760;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 90, bottom: 48, left: 76 };

export async function render(main, params) {
  const e = await api.get('/api/v1/events/' + encodeURIComponent(params.get('id')));
  main.querySelector('h1').textContent = 'Event ' + e.id + ': ' + e.primary.noradId + ' × ' + e.secondary.noradId;
  main.append(h('p', {}, labelBadge(e.label)),
    facts([
      ['Latest TCA (UTC)', timeWithAge(e.tca)],
      ['Primary', [objectLink(e.primary.noradId, e.primary.name), owner(e.primary)]],
      ['Secondary', [objectLink(e.secondary.noradId, e.secondary.name), owner(e.secondary)]],
      ['Latest miss distance', km(e.missDistanceMeters)],
      ['Latest Pc', e.risk ? [pc(e.risk.probability), ' (', pcKind(e.risk), ', ', e.risk.method, ')',
        e.risk.maximumProbability === undefined ? null : ['; maximum Pc ', pc(e.risk.maximumProbability)]]
        : 'not computed'],
      ['Smallest miss / largest Pc of any update', [km(e.minimumMissDistanceMeters), ' / ',
        pc(e.maximumProbability)]],
      ['Element ages at TCA (latest)', [duration(e.primary.elementAgeSeconds), ' / ',
        duration(e.secondary.elementAgeSeconds), e.stale ? ' — stale: beyond the age limit of their orbit regime'
          : '']],
      ['Updates', [String(e.updateCount) + ', computed from ', timeWithAge(e.firstComputedAt), ' to ',
        timeWithAge(e.lastComputedAt)]],
    ]),
    h('p', {}, 'The latest update as a CCSDS CDM: ', cdmDownloads('events', e.id, 'event-cdm')));
  const times = e.trend.computedAt.map(t => Date.parse(t));
  main.append(h('section', {}, h('h2', {}, 'Over time'),
    chart('miss', 'Miss distance over time', times, e.trend.missDistanceMeters.map(m => m / 1000),
      { scale: 'linear', unit: 'km', axis: 'Miss distance (km)', thresholds: [MISS_THRESHOLD_METERS / 1000],
        format: v => v.toFixed(3) + ' km' }),
    chart('pc', 'Pc over time', times, e.trend.probability,
      { scale: 'log', axis: 'Pc (log scale)', thresholds: PC_THRESHOLDS, format: pc }),
    notDrawn(e.trend.probability)));
  main.append(sectionTable('Updates', ['#', 'Computed (UTC)', 'Source', 'Originator', 'TCA (UTC)', 'Miss',
    'Radial / in-track / cross-track', 'Pc (kind)', 'Element ages at TCA', 'Conjunction'], e.updates, u => [
    String(u.number), timeWithAge(u.computedAt), u.source.toLowerCase(), u.originator, timeWithAge(u.tca),
    km(u.missDistanceMeters), [meters(u.radialMeters), ' / ', meters(u.inTrackMeters), ' / ',
      meters(u.crossTrackMeters), ' (frame of ' + u.rtnFrameNoradId + ')'],
    u.risk ? [pc(u.risk.probability), ' ', h('span', { class: 'kind' }, pcKind(u.risk))] : '—',
    [duration(u.primaryElementAgeSeconds), ' / ', duration(u.secondaryElementAgeSeconds),
      u.stale ? h('span', { class: 'stale' }, ' stale') : null],
    u.conjunctionId === null ? '—' : [h('a', { href: '#/conjunction?id=' + u.conjunctionId },
      'conjunction ' + u.conjunctionId), u.source === 'CDM' ? [' ', cdmDownloads('conjunctions', u.conjunctionId,
      'cdm-' + u.conjunctionId)] : null],
  ], 'No updates you may see.'));
}

function owner(object) {
  const known = [object.owner, object.objectType && object.objectType.toLowerCase()].filter(Boolean);
  return known.length ? ' (' + known.join(', ') + ')' : '';
}

/** Says how many updates the log-scale Pc chart leaves out: no Pc computed, or a Pc of 0. */
function notDrawn(probabilities) {
  const missing = probabilities.filter(p => p === null).length;
  const zero = probabilities.filter(p => p === 0).length;
  const parts = [missing ? missing + ' without a Pc' : null, zero ? zero + ' with a Pc of 0' : null].filter(Boolean);
  return parts.length ? h('p', { class: 'note' }, 'Not on the Pc chart (a log scale has no 0): ' + parts.join(', ')
    + '.') : null;
}

/**
 * A line chart of values over time, one point per update: x is when the update was computed (ticks on round UTC
 * steps), y a linear or a log scale (decades); threshold lines dashed. The y ticks come from d3-array's ticks.
 */
function chart(name, caption, times, values, { scale, axis, thresholds, format }) {
  const points = times.map((t, i) => [t, values[i], i]).filter(([, v]) => v !== null && (scale !== 'log' || v > 0));
  const d3 = window.d3;
  const [t0, t1] = d3.extent(times);
  const x = linear(t0, t1, MARGIN.left, WIDTH - MARGIN.right);
  const all = points.map(p => p[1]).concat(thresholds);
  let y;
  let ticks;
  if (scale === 'log') {
    const lo = Math.floor(Math.log10(d3.min(all))) - 1;
    const hi = Math.min(0, Math.ceil(Math.log10(d3.max(all))) + 1);
    y = v => MARGIN.top + (hi - Math.log10(v)) / (hi - lo) * (HEIGHT - MARGIN.top - MARGIN.bottom);
    ticks = d3.range(lo, hi + 1).map(e => ({ value: Math.pow(10, e), text: e === 0 ? '1' : '1e' + e }));
  } else {
    const hi = d3.max(all) * 1.1;
    y = v => MARGIN.top + (1 - v / hi) * (HEIGHT - MARGIN.top - MARGIN.bottom);
    ticks = d3.ticks(0, hi, 5).map(v => ({ value: v, text: String(v) }));
  }
  const bottom = HEIGHT - MARGIN.bottom;
  const chartSvg = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'chart chart-' + name, role: 'img',
    'aria-label': caption + ': ' + points.length + ' point' + (points.length === 1 ? '' : 's') },
  svg('title', {}, caption));
  chartSvg.append(svg('g', { class: 'axis y', 'data-scale': scale },
    svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom }),
    ...ticks.map(t => svg('g', { class: 'tick', 'data-value': t.value },
      svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(t.value), y2: y(t.value) }),
      svg('text', { x: MARGIN.left - 6, y: y(t.value) + 4, 'text-anchor': 'end' }, t.text))),
    svg('text', { class: 'label', transform: 'translate(16 ' + (MARGIN.top + bottom) / 2 + ') rotate(-90)',
      'text-anchor': 'middle' }, axis)));
  if (t1 === t0) {
    chartSvg.append(svg('g', { class: 'axis x' },
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: bottom, y2: bottom }),
      svg('text', { x: x(t0), y: bottom + 16, 'text-anchor': 'middle' }, utc(new Date(t0).toISOString())),
      svg('text', { class: 'label', x: x(t0), y: HEIGHT - 8, 'text-anchor': 'middle' }, 'Computed at (UTC)')));
  } else {
    chartSvg.append(timeAxis(x, t0, t1, bottom, 'Computed at (UTC)', 6));
  }
  for (const level of thresholds) {
    chartSvg.append(svg('g', { class: 'threshold', 'data-value': level },
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(level), y2: y(level) }),
      svg('text', { x: WIDTH - MARGIN.right + 4, y: y(level) + 4 }, format(level))));
  }
  chartSvg.append(svg('path', { class: 'line', 'data-points': points.length,
    d: points.map(([t, v], i) => (i ? 'L' : 'M') + x(t).toFixed(1) + ',' + y(v).toFixed(1)).join('') }));
  for (const [t, v, i] of points) {
    chartSvg.append(svg('circle', { class: 'point', cx: x(t).toFixed(1), cy: y(v).toFixed(1), r: 4 },
      svg('title', {}, 'computed ' + utc(new Date(t).toISOString()) + ': ' + format(v))));
  }
  return h('figure', {}, h('figcaption', {}, caption), chartSvg);
}
