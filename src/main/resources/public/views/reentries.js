// Re-entry predictions: one server page at a time, soonest nominal epoch first (from now unless asked otherwise), with
// the window, the class and what the window means, and the age of the data each prediction knew.
import * as api from '../api.js';
import { h, utc, timeWithAge, duration, labelBadge, empty, navigableRows, objectLink, pager, filterForm,
  sortButton } from '../ui.js';

export const title = 'Re-entries';
export const nav = 'Re-entries';

const PAGE = 25;
const FILTERS = ['noradId', 'outcome', 'from', 'to'];
const SORTS = { nominal: 'soonest nominal epoch first', '-predicted': 'newest prediction first' };
/** No lower bound on the nominal epoch: every prediction, also those without an epoch. */
const ANY = 'any';

/** What each class means, and so what its window (or its lack of one) says (docs/reentry.md). */
export const CLASSES = {
  UNCONTROLLED: ['uncontrolled', 'left to drag; the window held the true re-entry in about 9 cases in 10 on real'
    + ' decays (indicative: measured on few cases)'],
  HIGHLY_ECCENTRIC: ['highly eccentric', 'apogee 2,000 km or more: its perigee is moved by the Sun and Moon, which'
    + ' the predictor does not model, so no epoch is given'],
  MANOEUVRING: ['manoeuvring', 'its orbit rose between two element sets: the epoch is what drag alone would give,'
    + ' with no window, since its operator decides'],
  CONTROLLED: ['controlled', 'a vehicle its operator de-orbits: the epoch is what drag alone would give, with no'
    + ' window'],
};

export const OUTCOMES = { WINDOW: 'epoch and window', EPOCH_ONLY: 'epoch only', BEYOND_HORIZON: 'beyond the horizon',
  NONE: 'no epoch' };

/** The window as its two ends and how far each lies from the nominal epoch. */
export function windowText(p) {
  if (!p.windowOpens) {
    return '—';
  }
  const nominal = Date.parse(p.nominalEpoch);
  return [utc(p.windowOpens), ' → ', utc(p.windowCloses), h('span', { class: 'age' }, ' (−'
    + duration((nominal - Date.parse(p.windowOpens)) / 1000) + ' / +'
    + duration((Date.parse(p.windowCloses) - nominal) / 1000) + ')')];
}

export function classText(p) {
  const [name, meaning] = CLASSES[p.reentryClass] || [p.reentryClass.toLowerCase(), ''];
  return h('span', { title: meaning }, name);
}

export async function render(main, params, { go }) {
  const current = Object.fromEntries(params);
  main.append(filterForm('reentries', 'Filter re-entries', [
    ['noradId', 'Object (catalog number)', 'e.g. 44775'],
    ['outcome', 'Outcome', 'WINDOW, EPOCH_ONLY, …'],
    ['from', 'Nominal epoch from (UTC)', 'now; ' + ANY + ' for no bound'],
    ['to', 'Nominal epoch to (UTC)', '']], current, go));
  const sort = params.get('sort') || 'nominal';
  const from = params.get('from') === ANY ? null : params.get('from') || new Date().toISOString();
  const page = await api.get('/api/v1/reentries', { sort, limit: PAGE, cursor: params.get('cursor'),
    noradId: params.get('noradId'), outcome: params.get('outcome'), from, to: params.get('to') });
  main.append(h('p', { class: 'summary' }, page.total + ' prediction' + (page.total === 1 ? '' : 's')
    + ' you may see' + (from ? ' with a nominal epoch from ' + utc(from) : '')
    + (page.total ? ', ' + page.items.length + ' on this page' : '') + '; sorted by ' + SORTS[sort]
    + '. Every prediction is kept: an object predicted again has a row for each.'));
  if (!page.items.length) {
    main.append(empty(params.get('from') || FILTERS.some(k => k !== 'from' && current[k])
      ? 'No prediction matches these filters among those you may see.'
      : ['No re-entry predicted from now on among the predictions you may see (predictions are made by'
        + ' `concord reentry predict` or POST /api/v1/reentries; none made yet, none released to you, or all'
        + ' their epochs are past). ', h('a', { href: '#/reentries?from=' + ANY }, 'Show every prediction')]));
    return;
  }
  const tbody = h('tbody', {}, page.items.map(p => h('tr', { 'data-key': p.id },
    h('td', {}, objectLink(p.noradId, p.objectName)),
    h('td', {}, p.nominalEpoch ? timeWithAge(p.nominalEpoch) : '—'),
    h('td', {}, windowText(p)),
    h('td', {}, classText(p), ', ', OUTCOMES[p.outcome] || p.outcome),
    h('td', {}, timeWithAge(p.basisEpoch), ', ', String(p.elementSets), ' set' + (p.elementSets === 1 ? '' : 's')),
    h('td', {}, timeWithAge(p.predictedAt)),
    h('td', {}, labelBadge(p.label)))));
  const sorter = (key, text) => sortButton('reentries', current, sort, key, text, go);
  main.append(h('table', { class: 'data', 'aria-label': 'Re-entry predictions' },
    h('caption', {}, 'Rows: ↑/↓ to move, Enter to open. The window (−before / +after the nominal epoch) is given'
      + ' for uncontrolled objects only; hover a class for what it means.'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Object'),
      h('th', { scope: 'col', 'aria-sort': sort === 'nominal' ? 'ascending' : 'none' },
        sorter('nominal', 'Nominal epoch (UTC)')),
      h('th', { scope: 'col' }, 'Window (UTC)'),
      h('th', { scope: 'col' }, 'Class, outcome'),
      h('th', { scope: 'col', title: 'The epoch of the newest element set used: the prediction knows nothing later' },
        'Data up to (UTC)'),
      h('th', { scope: 'col', 'aria-sort': sort === '-predicted' ? 'descending' : 'none' },
        sorter('-predicted', 'Predicted (UTC)')),
      h('th', { scope: 'col' }, 'Label'))),
    tbody),
  pager('reentries', current, page.nextCursor, go));
  navigableRows(tbody, id => go('reentry', { id }));
}
