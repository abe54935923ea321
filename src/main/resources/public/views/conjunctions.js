// Conjunctions: one server page at a time, sorted and filtered by the API (TCA or highest Pc first; object, time
// window, miss distance, Pc, screening run), critical and watch-worthy rows marked, keyboard navigable; a row opens
// its encounter's event.
import * as api from '../api.js';
import { eventOf } from './conjunction.js';
import { h, timeWithAge, km, meters, speed, pc, pcKind, severity, labelBadge, duration, empty, navigableRows,
  objectLink, pager, filterForm, pageQuery, sortButton } from '../ui.js';

export const title = 'Conjunctions';
export const nav = 'Conjunctions';

const PAGE = 25;
const FILTERS = ['noradId', 'from', 'to', 'maxMissKm', 'minPc', 'runId'];

export async function render(main, params, { go }) {
  const current = Object.fromEntries(params);
  main.append(filterForm('conjunctions', 'Filter conjunctions', [
    ['noradId', 'Object (catalog number)', 'e.g. 25544'],
    ['from', 'TCA from (UTC)', '2024-07-05T00:00:00Z'],
    ['to', 'TCA to (UTC)', '2024-07-06T00:00:00Z'],
    ['maxMissKm', 'Miss at most (km)', 'e.g. 5'],
    ['minPc', 'Pc at least', 'e.g. 1e-6'],
    ['runId', 'Screening run', '']], current, go));

  if (params.get('runId')) {
    main.append(await runSummary(params.get('runId')));
  }
  const page = await api.get('/api/v1/conjunctions', pageQuery(params, FILTERS, PAGE));
  const sort = params.get('sort') || '-pc';
  const sorter = (key, text) => sortButton('conjunctions', current, sort, key, text, go);
  main.append(h('p', { class: 'summary' }, page.total + ' conjunction' + (page.total === 1 ? '' : 's')
    + ' you may see' + (page.total ? ', ' + page.items.length + ' on this page' : '')
    + '; sorted by ' + (sort === 'tca' ? 'time of closest approach' : 'highest Pc first') + '.'));
  if (!page.items.length) {
    main.append(empty(Object.keys(current).some(k => FILTERS.includes(k) && current[k])
      ? 'No conjunction matches these filters among those you may see.'
      : 'No conjunctions you may see: none has been screened or received yet, or none is released to you'
        + ' (anonymous callers see public TLP:CLEAR data only).'));
    return;
  }
  const tcaLink = c => {
    const [time, ...age] = timeWithAge(c.tca);
    return [h('a', { href: '#/conjunction?id=' + c.id, class: 'conjunction-link', onclick: e => e.stopPropagation() },
      time), ...age];
  };
  const tbody = h('tbody', {}, page.items.map(c => h('tr', { 'data-key': c.id, class: severity(c.risk) },
    h('td', {}, tcaLink(c)),
    h('td', {}, objectLink(c.primaryNoradId, c.primaryName)),
    h('td', {}, objectLink(c.secondaryNoradId, c.secondaryName)),
    h('td', { class: 'num' }, km(c.missDistanceMeters)),
    h('td', { class: 'num' }, meters(c.radialMeters)),
    h('td', { class: 'num' }, speed(c.relativeSpeedMetersPerSecond)),
    h('td', { class: 'num' }, pc(c.risk && c.risk.probability), ' ', h('span', { class: 'kind' }, pcKind(c.risk))),
    h('td', {}, duration(c.primaryElementAgeSeconds), ' / ', duration(c.secondaryElementAgeSeconds),
      c.stale ? h('span', { class: 'stale' }, ' stale') : null),
    h('td', {}, labelBadge(c.label)))));
  const table = h('table', { class: 'data', 'aria-label': 'Conjunctions' },
    h('caption', {}, 'Rows: ↑/↓ to move, Enter to open the encounter\'s event (its updates, miss and Pc over time)'
      + ' or, when it has none you may see, the conjunction; a TCA opens the conjunction itself. Red: Pc ≥ 1e-4,'
      + ' amber: Pc ≥ 1e-6.'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', 'aria-sort': sort === 'tca' ? 'ascending' : 'none' }, sorter('tca', 'TCA (UTC)')),
      h('th', { scope: 'col' }, 'Primary'), h('th', { scope: 'col' }, 'Secondary'),
      h('th', { scope: 'col' }, 'Miss'), h('th', { scope: 'col' }, 'Radial'),
      h('th', { scope: 'col' }, 'Relative speed'),
      h('th', { scope: 'col', 'aria-sort': sort === '-pc' ? 'descending' : 'none' }, sorter('-pc', 'Pc (kind)')),
      h('th', { scope: 'col', title: 'How far from its element epoch each input was at TCA' },
        'Input ages at TCA'), h('th', { scope: 'col' }, 'Label'))),
    tbody);
  navigableRows(tbody, id => openRow(page.items.find(c => String(c.id) === id), go));
  main.append(table, pager('conjunctions', current, page.nextCursor, go));
}

/**
 * A row opens its event when the caller may see one, else the conjunction, whose page says why it has none (or why
 * looking for it failed).
 */
async function openRow(c, go) {
  const event = await eventOf(c).catch(() => undefined);
  if (event) {
    go('event', { id: event.id });
  } else {
    go('conjunction', { id: c.id });
  }
}

/** The screening run the table is filtered by: what was screened, and its warning; nothing for a run not shown. */
async function runSummary(runId) {
  try {
    const r = await api.get('/api/v1/screenings/' + encodeURIComponent(runId));
    return h('p', { class: 'run' }, 'Screening run ' + r.id + ': ' + r.kind.toLowerCase().replaceAll('_', ' ')
      + (r.primaryNoradId ? ' ' + r.primaryNoradId : '') + ', window ' + duration(r.windowSeconds) + ' from ',
    timeWithAge(r.start), ', threshold ' + km(r.thresholdMeters, 1) + ', ' + r.status.toLowerCase()
      + (r.figures ? ', ' + r.figures.objectsScreened + ' objects screened' : '') + '.',
    r.warning ? h('span', { class: 'stale' }, ' ' + r.warning) : null);
  } catch (e) {
    return h('p', { class: 'note' }, 'Run ' + runId + ': ' + e.message);
  }
}
