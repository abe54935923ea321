// Objects: the catalog search the API offers (catalog number, designator, name, type, owner, orbit ranges, element
// age), one server page at a time.
import * as api from '../api.js';
import { h, timeWithAge, empty, labelBadge, navigableRows, pager } from '../ui.js';

export const title = 'Objects';
export const nav = 'Objects';

const PAGE = 25;
const FIELDS = [['name', 'Name contains', 'e.g. ISS'], ['noradId', 'Catalog number', 'e.g. 25544'],
  ['designator', 'Designator', '1998-067*'], ['objectType', 'Type', 'PAYLOAD, ROCKET BODY, DEBRIS'],
  ['perigeeMinKm', 'Perigee from (km)', ''], ['perigeeMaxKm', 'Perigee to (km)', ''],
  ['maxEpochAgeDays', 'Elements at most (days old)', '']];

export async function render(main, params, { go }) {
  const current = Object.fromEntries(params);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search objects' },
    FIELDS.map(([name, text, placeholder]) => h('label', {}, text,
      h('input', { name, value: current[name] || '', placeholder, spellcheck: 'false' }))),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    go('objects', Object.fromEntries(FIELDS.map(([name]) => [name, form.elements[name].value.trim()])));
  });
  main.append(form);
  const q = Object.fromEntries(FIELDS.map(([name]) => [name, current[name]]));
  q.limit = PAGE;
  q.cursor = current.cursor;
  const page = await api.get('/api/v1/objects', q);
  main.append(h('p', { class: 'summary' }, page.total + ' object' + (page.total === 1 ? '' : 's')
    + ' you may see match.'));
  if (!page.items.length) {
    main.append(empty('No object you may see matches this search (anonymous callers see public data only).'));
    return;
  }
  const tbody = h('tbody', {}, page.items.map(o => h('tr', { 'data-key': o.noradId },
    h('td', { class: 'num' }, h('a', { href: '#/object?id=' + o.noradId }, String(o.noradId))),
    h('td', {}, o.name), h('td', {}, o.internationalDesignator || '—'),
    h('td', {}, o.satcat ? o.satcat.objectType : '—'),
    h('td', {}, o.latestOrbit ? timeWithAge(o.latestOrbit.epoch) : '—'),
    h('td', { class: 'num' }, o.latestOrbit ? Math.round(o.latestOrbit.perigeeAltitudeKm) + ' × '
      + Math.round(o.latestOrbit.apogeeAltitudeKm) + ' km' : '—'),
    h('td', { class: 'num' }, o.latestOrbit ? o.latestOrbit.inclinationDeg.toFixed(2) + '°' : '—'),
    h('td', {}, o.latestOrbit ? labelBadge(o.latestOrbit.label) : '—'))));
  const table = h('table', { class: 'data', 'aria-label': 'Objects' },
    h('thead', {}, h('tr', {}, ['Catalog number', 'Name', 'Designator', 'Type', 'Latest epoch (UTC)',
      'Perigee × apogee', 'Inclination', 'Label'].map(t => h('th', { scope: 'col' }, t)))),
    tbody);
  navigableRows(tbody, id => go('object', { id }));
  main.append(table, pager('objects', current, page.nextCursor, go));
}
