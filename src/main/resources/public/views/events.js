// Conjunction events: one line per encounter with its latest state, one server page at a time, sorted and filtered
// by the API (TCA, highest Pc, smallest miss, last updated; object, Pc, miss), critical and watch-worthy rows marked.
import * as api from '../api.js';
import { h, timeWithAge, km, pc, pcKind, severity, labelBadge, duration, empty, navigableRows, objectLink, pager,
  filterForm, pageQuery, sortButton } from '../ui.js';

export const title = 'Events';
export const nav = 'Events';

const PAGE = 25;
const FILTERS = ['noradId', 'minPc', 'maxMissKm'];
const SORTS = { '-pc': 'highest Pc first', tca: 'time of closest approach', miss: 'smallest miss first',
  '-updated': 'last updated first' };

export async function render(main, params, { go }) {
  const current = Object.fromEntries(params);
  main.append(filterForm('events', 'Filter events', [
    ['noradId', 'Object (catalog number)', 'e.g. 25544'],
    ['maxMissKm', 'Latest miss at most (km)', 'e.g. 5'],
    ['minPc', 'Latest Pc at least', 'e.g. 1e-6']], current, go));

  const page = await api.get('/api/v1/events', pageQuery(params, FILTERS, PAGE));
  const sort = params.get('sort') || '-pc';
  const sorter = (key, text) => sortButton('events', current, sort, key, text, go);
  main.append(h('p', { class: 'summary' }, page.total + ' event' + (page.total === 1 ? '' : 's')
    + ' you may see' + (page.total ? ', ' + page.items.length + ' on this page' : '')
    + '; sorted by ' + SORTS[sort] + '. An event is one encounter; its state is its latest update.'));
  if (!page.items.length) {
    main.append(empty(FILTERS.some(k => current[k])
      ? 'No event matches these filters among those you may see.'
      : 'No events you may see: no conjunction has been screened or received yet, the events of the latest ones'
        + ' are still being built (each minute), or none is released to you (anonymous callers see public'
        + ' TLP:CLEAR data only; an event needs every update behind it visible).'));
    return;
  }
  const tbody = h('tbody', {}, page.items.map(e => h('tr', { 'data-key': e.id, class: severity(e.risk) },
    h('td', {}, timeWithAge(e.tca)),
    h('td', {}, objectLink(e.primary.noradId, e.primary.name)),
    h('td', {}, objectLink(e.secondary.noradId, e.secondary.name)),
    h('td', { class: 'num' }, km(e.missDistanceMeters)),
    h('td', { class: 'num' }, pc(e.risk && e.risk.probability), ' ', h('span', { class: 'kind' }, pcKind(e.risk))),
    h('td', { class: 'num' }, String(e.updateCount)),
    h('td', {}, timeWithAge(e.lastComputedAt)),
    h('td', {}, duration(e.primary.elementAgeSeconds), ' / ', duration(e.secondary.elementAgeSeconds),
      e.stale ? h('span', { class: 'stale' }, ' stale') : null),
    h('td', {}, labelBadge(e.label)))));
  const heading = (key, text, order) => h('th', { scope: 'col', 'aria-sort': sort === key ? order : 'none' },
    sorter(key, text));
  main.append(h('table', { class: 'data', 'aria-label': 'Events' },
    h('caption', {}, 'Rows: ↑/↓ to move, Enter to open. Red: Pc ≥ 1e-4, amber: Pc ≥ 1e-6.'),
    h('thead', {}, h('tr', {},
      heading('tca', 'TCA (UTC)', 'ascending'),
      h('th', { scope: 'col' }, 'Primary'), h('th', { scope: 'col' }, 'Secondary'),
      heading('miss', 'Miss', 'ascending'),
      heading('-pc', 'Pc (kind)', 'descending'),
      h('th', { scope: 'col' }, 'Updates'),
      heading('-updated', 'Last update (UTC)', 'descending'),
      h('th', { scope: 'col' }, 'Element ages at TCA'),
      h('th', { scope: 'col' }, 'Label'))),
    tbody),
  pager('events', current, page.nextCursor, go));
  navigableRows(tbody, id => go('event', { id }));
}
