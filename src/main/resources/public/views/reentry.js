// One re-entry prediction: what it says and from what, how the object's window narrowed over its predictions (a
// chart), and the window's ground track on a map with the states it overflies and when.
import * as api from '../api.js';
import { h, svg, utc, timeWithAge, duration, labelBadge, facts, empty, errorBox, objectLink,
  sectionTable } from '../ui.js';
import { linear, timeAxis } from '../charts.js';
import { trackOverStates } from '../groundtrack.js';
import { CLASSES, OUTCOMES, windowText, classText } from './reentries.js';

export const title = 'Re-entry';

/** The predictions of an object the history shows: one page, the newest. */
const HISTORY = 50;
const WIDTH = 960;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 30, bottom: 56, left: 190 };

export async function render(main, params) {
  const p = await api.get('/api/v1/reentries/' + encodeURIComponent(params.get('id')));
  main.querySelector('h1').textContent = 'Re-entry of ' + p.noradId + (p.objectName ? ' ' + p.objectName : '')
    + ': prediction ' + p.id;
  const [className, meaning] = CLASSES[p.reentryClass] || [p.reentryClass, ''];
  main.append(h('p', {}, labelBadge(p.label)), h('p', { class: 'statement' }, p.statement),
    facts([
      ['Object', objectLink(p.noradId, p.objectName)],
      ['Class', [className, h('span', { class: 'age' }, ' — ' + meaning)]],
      ['Outcome', OUTCOMES[p.outcome] || p.outcome],
      ['Nominal epoch (80 km)', p.nominalEpoch ? timeWithAge(p.nominalEpoch) : 'none'],
      ['Window', p.windowOpens ? [windowText(p), ', ' + duration((Date.parse(p.windowCloses)
        - Date.parse(p.windowOpens)) / 1000) + ' wide'] : 'none'],
      ['Data up to (basis epoch)', [timeWithAge(p.basisEpoch), ', from ' + p.elementSets + ' element set'
        + (p.elementSets === 1 ? '' : 's')]],
      ['Ballistic coefficient', p.ballisticM2Kg === null ? '—' : p.ballisticM2Kg.toPrecision(3) + ' m²/kg ('
        + p.ballisticSource.toLowerCase().replaceAll('_', ' ') + ', ' + p.ballisticElementSets + ' set'
        + (p.ballisticElementSets === 1 ? '' : 's') + ')'],
      ['Atmosphere, space weather', p.atmosphere + '; ' + p.spaceWeatherSource],
      ['Propagated up to', timeWithAge(p.horizonEnd)],
      ['Predicted', timeWithAge(p.predictedAt)]]));
  const mapSection = h('section', {}, h('h2', {}, 'Ground track of the window'));
  main.append(mapSection);
  await drawMap(mapSection, p);
  main.append(await history(p));
}

/** The window's ground track and the states overflown (fields the prediction carries when the node computed them). */
async function drawMap(section, p) {
  const overflown = p.overflown || [];
  const lines = p.groundTrack ? p.groundTrack.coordinates || [] : [];
  if (!p.groundTrack || (lines.length === 0 && overflown.length === 0)) {
    section.append(empty('No ground track in this prediction: ' + (p.windowOpens
      ? 'the node that made it did not compute one.' : 'it has no window to draw.')));
    return;
  }
  if (lines.length === 0) {
    section.append(empty('No ground track in this prediction: its window is too long for a track to mean anything'
      + ' (the statement above says why), so every state under the orbit\'s latitude band is listed as overflown'
      + ' for the whole window.'));
    section.append(statesTable(overflown, new Map()));
    return;
  }
  const byState = new Map(overflown.filter(o => o.state).map(o => [o.state, o]));
  const describe = code => 'overflown ' + utc(byState.get(code).firstOverflightUtc) + ' to '
    + utc(byState.get(code).lastOverflightUtc);
  let names = new Map();
  try {
    const drawn = await trackOverStates(p.groundTrack, new Set(byState.keys()), describe,
      'Ground track of object ' + p.noradId + ' over its re-entry window, states overflown highlighted');
    names = drawn.names;
    section.append(drawn.map);
    if (drawn.notDrawn.length) {
      section.append(h('p', { class: 'note' }, 'Overflown but too small for this 1:110m map: '
        + drawn.notDrawn.join(', ') + '.'));
    }
  } catch (e) {
    section.append(errorBox(e));
  }
  section.append(statesTable(overflown, names));
}

/** The states overflown, by ISO code with the map's name (a territory without a code by its own name). */
function statesTable(overflown, names) {
  return sectionTable('States overflown in the window', ['State (ISO 3166-1 alpha-3)',
    'First overflight (UTC)', 'Last overflight (UTC)'], overflown, o => [[o.state || '—',
    h('span', { class: 'name' }, ' ' + (names.get(o.state) || o.name || ''))], timeWithAge(o.firstOverflightUtc),
    timeWithAge(o.lastOverflightUtc)], 'The window\'s ground track overflies no state (only sea).');
}

/** The object's predictions, newest first (one page), and a chart of how its window moved and narrowed. */
async function history(p) {
  const section = h('section', {}, h('h2', {}, 'How the prediction changed'));
  const page = await api.get('/api/v1/reentries', { noradId: p.noradId, sort: '-predicted', limit: HISTORY });
  const items = page.items;
  section.append(h('p', { class: 'summary' }, page.total + ' prediction' + (page.total === 1 ? '' : 's')
    + ' of object ' + p.noradId + ' you may see' + (page.total > items.length ? '; the newest ' + items.length
    + ' here' : '') + '.'));
  const withEpoch = items.filter(i => i.nominalEpoch);
  if (withEpoch.length) {
    section.append(historyChart(withEpoch, p.id));
  }
  section.append(sectionTable('Predictions', ['Predicted (UTC)', 'Data up to (UTC)', 'Nominal epoch (UTC)',
    'Window (UTC)', 'Class', ''], items, i => [timeWithAge(i.predictedAt), timeWithAge(i.basisEpoch),
    i.nominalEpoch ? timeWithAge(i.nominalEpoch) : '—', windowText(i), classText(i),
    i.id === p.id ? 'this one' : h('a', { href: '#/reentry?id=' + i.id }, 'open')], 'No predictions you may see.'));
  return section;
}

/**
 * One row per prediction, oldest data at the top: its window as a bar over re-entry time and its nominal epoch as a
 * point, so that a window narrowing as newer element sets arrive reads downwards.
 */
function historyChart(items, currentId) {
  const rows = items.slice().sort((a, b) => Date.parse(a.basisEpoch) - Date.parse(b.basisEpoch)
    || Date.parse(a.predictedAt) - Date.parse(b.predictedAt));
  const times = rows.flatMap(i => [i.windowOpens, i.windowCloses, i.nominalEpoch].filter(Boolean).map(Date.parse));
  const pad = Math.max(3600e3, (Math.max(...times) - Math.min(...times)) * 0.05);
  const t0 = Math.min(...times) - pad;
  const t1 = Math.max(...times) + pad;
  const rowHeight = Math.min(40, (HEIGHT - MARGIN.top - MARGIN.bottom) / rows.length);
  const height = MARGIN.top + MARGIN.bottom + rowHeight * rows.length;
  const bottom = height - MARGIN.bottom;
  const x = linear(t0, t1, MARGIN.left, WIDTH - MARGIN.right);
  const chart = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + height, class: 'chart chart-windows', role: 'img',
    'aria-label': 'Re-entry windows of ' + rows.length + ' prediction' + (rows.length === 1 ? '' : 's')
      + ', oldest data first' }, svg('title', {}, 'Re-entry window of each prediction'));
  rows.forEach((r, i) => {
    const y = MARGIN.top + rowHeight * (i + 0.5);
    const g = svg('g', { class: 'prediction' + (r.id === currentId ? ' current' : ''), 'data-id': r.id },
      svg('text', { x: MARGIN.left - 8, y: y + 4, 'text-anchor': 'end' }, 'data to ' + utc(r.basisEpoch)
        .substring(0, 16) + 'Z'));
    if (r.windowOpens) {
      g.append(svg('rect', { class: 'window', x: x(Date.parse(r.windowOpens)).toFixed(1), y: (y - rowHeight * 0.3)
        .toFixed(1), width: (x(Date.parse(r.windowCloses)) - x(Date.parse(r.windowOpens))).toFixed(1),
      height: (rowHeight * 0.6).toFixed(1) }, svg('title', {}, 'window ' + utc(r.windowOpens) + ' to '
        + utc(r.windowCloses))));
    }
    g.append(svg('circle', { class: 'point', cx: x(Date.parse(r.nominalEpoch)).toFixed(1), cy: y.toFixed(1),
      r: 4 }, svg('title', {}, 'nominal ' + utc(r.nominalEpoch) + ' (prediction ' + r.id + ')')));
    chart.append(g);
  });
  chart.append(timeAxis(x, t0, t1, bottom, 'Predicted re-entry time (UTC)'));
  return h('figure', {}, h('figcaption', {}, 'Each prediction\'s window (bar) and nominal epoch (point), one row'
    + ' per prediction by the epoch of the newest data it used; this prediction in red.'), chart);
}
