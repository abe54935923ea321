// Cyber threat intelligence (docs/cyber.md): the STIX 2.1 objects the caller may see, one server page at a time, with
// the filters GET /api/v1/cyber offers; a row opens the object (#/cyber?id=): its STIX JSON, read-only, and its links
// to space objects and ground stations; with a ground station's filter (#/cyber?groundStation=), what is linked to the
// station. The object page's Cyber section is drawn by linkedTable below: one module for the whole product.
import * as api from '../api.js';
import { h, timeWithAge, labelBadge, empty, facts, navigableRows, pager, filterForm, sortButton,
  objectLink } from '../ui.js';

export const title = 'Cyber';
export const nav = 'Cyber';

/** Concord's STIX extensions naming a space object and a ground station (docs/cyber.md, Linked to space). */
export const SPACE_OBJECT_EXTENSION = 'extension-definition--f9ee5e56-a6b2-4043-a12a-8e37cdadfd92';
export const GROUND_STATION_EXTENSION = 'extension-definition--7c3b1e0a-5d2f-4e8b-9a61-3f0c2d4e8b17';

const PAGE = 25;
const FILTERS = [['type', 'STIX type', 'incident, indicator, attack-pattern…'],
  ['groundStation', 'Ground station', 'e.g. GS-SVALBARD'], ['noradId', 'Space object (catalog number)', 'e.g. 25544'],
  ['collection', 'Collection', 'TAXII collection id'], ['stixId', 'STIX id', 'every version of one object']];
const SORTS = { added: 'the order added to this node', '-modified': 'newest version first' };
/** How many relationships of one object, and how many objects at their other ends, a detail page looks at. */
const LINKS = 100;

/** The types whose objects join two others: a relationship (source_ref, target_ref) or a sighting (sighting_of_ref). */
function isJoin(type) {
  return type === 'relationship' || type === 'sighting';
}

function ends(o) {
  return o.type === 'sighting' ? [o.sighting_of_ref] : [o.source_ref, o.target_ref];
}

/** A STIX id's type: 'indicator--…' is an indicator (the id itself is not shown). */
function typeOf(id) {
  return id ? id.substring(0, id.indexOf('--')) : '';
}

/**
 * What a STIX object is called: its name, an observable's value, a relationship as 'source type → type → target type'
 * (the types of its ends, from their ids, or their names when given), or '—'.
 */
export function nameOf(o, names) {
  if (o.type === 'relationship') {
    const end = id => (names && names.get(id)) || typeOf(id);
    return end(o.source_ref) + ' → ' + o.relationship_type + ' → ' + end(o.target_ref);
  }
  if (o.type === 'sighting') {
    return 'sighting of ' + ((names && names.get(o.sighting_of_ref)) || typeOf(o.sighting_of_ref))
      + (o.count ? ' (' + o.count + ' times)' : '');
  }
  return o.name || o.value || o.path || o.number || o.user_id || '—';
}

/** The SPARTA technique ids an attack pattern cites (external_references with source_name sparta), as text. */
export function spartaIds(o) {
  return (o.external_references || []).filter(r => String(r.source_name).toLowerCase() === 'sparta')
    .map(r => r.external_id);
}

function sparta(o) {
  const ids = spartaIds(o);
  return ids.length ? h('span', { class: 'sparta', title: 'SPARTA techniques (sparta.aerospace.org)' },
    ids.join(', ')) : '—';
}

function stationLink(stationId) {
  return h('a', { href: '#/cyber?groundStation=' + encodeURIComponent(stationId),
    onclick: e => e.stopPropagation() }, 'ground station ' + stationId);
}

/** The space object or ground station an infrastructure names with Concord's extensions, as links. */
function named(o) {
  const ext = o.extensions || {};
  const space = ext[SPACE_OBJECT_EXTENSION];
  const station = ext[GROUND_STATION_EXTENSION];
  return [space && space.norad_id ? ['space object ', objectLink(space.norad_id)] : null,
    station && station.station_id ? stationLink(station.station_id) : null].filter(Boolean);
}

const ORDER = ['incident', 'indicator', 'attack-pattern', 'campaign', 'intrusion-set', 'threat-actor', 'malware',
  'tool', 'vulnerability'];

function rank(item, isAnchor) {
  if (isJoin(item.type)) {
    return 200;
  }
  if (isAnchor(item)) {
    return 100;
  }
  const i = ORDER.indexOf(item.type);
  return i < 0 ? ORDER.length : i;
}

/**
 * The objects linked to a space object or a ground station, as GET /api/v1/objects/{noradId}/cyber and
 * GET /api/v1/ground-stations/{stationId}/cyber give them (the newest version of each the caller may see): the
 * incidents, indicators, attack patterns and others first, then the infrastructure naming the anchor, then the
 * relationships joining them; each with its type, name, SPARTA techniques, how it is linked, its modified time and
 * its marking. A row opens the object. {@code anchorText} names the anchor ('this object', 'this station').
 */
export function linkedTable(items, isAnchor, anchorText, caption, go) {
  const byId = new Map(items.map(i => [i.stixId, i]));
  const names = new Map(items.map(i => [i.stixId, isAnchor(i) ? anchorText : i.type + ' ' + nameOf(i.object)]));
  const joins = items.filter(i => isJoin(i.type));
  const how = item => {
    if (isAnchor(item)) {
      return 'names ' + anchorText;
    }
    if (isJoin(item.type)) {
      return ends(item.object).some(id => id && !byId.has(id)) ? 'an end not shown: not one you may see' : '';
    }
    return joins.flatMap(j => {
      const [source, target] = ends(j.object);
      if (source === item.stixId && byId.has(target) && isAnchor(byId.get(target))) {
        return [j.type === 'sighting' ? 'sighted' : j.object.relationship_type + ' ' + anchorText];
      }
      if (target === item.stixId && byId.has(source) && isAnchor(byId.get(source))) {
        return [anchorText + ' ' + j.object.relationship_type + ' it'];
      }
      return [];
    }).join('; ') || 'through another object';
  };
  const sorted = items.slice().sort((a, b) => rank(a, isAnchor) - rank(b, isAnchor));
  const tbody = h('tbody', {}, sorted.map(i => h('tr', { 'data-key': i.id, 'data-stix-type': i.type },
    h('td', {}, i.type), h('td', {}, isJoin(i.type) ? nameOf(i.object, names) : nameOf(i.object)),
    h('td', {}, sparta(i.object)), h('td', {}, how(i)), h('td', {}, timeWithAge(i.version)),
    h('td', {}, labelBadge(i.label)))));
  navigableRows(tbody, id => go('cyber', { id }));
  return h('table', { class: 'data cyber', 'aria-label': caption },
    h('caption', {}, 'Rows: ↑/↓ to move, Enter to open the object and its STIX JSON.'),
    h('thead', {}, h('tr', {}, ['Type', 'Name', 'SPARTA', 'Linked', 'Modified (UTC)', 'Marking']
      .map(t => h('th', { scope: 'col' }, t)))), tbody);
}

/** The summary line of a linked list: how many objects, of which types. */
function linkedSummary(items, of) {
  const counts = new Map();
  for (const i of items) {
    counts.set(i.type, (counts.get(i.type) || 0) + 1);
  }
  const types = Array.from(counts).sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => t + ' ' + n);
  return h('p', { class: 'summary' }, items.length + ' STIX object' + (items.length === 1 ? '' : 's')
    + ' linked to ' + of + ' that you may see (by type: ' + types.join(', ')
    + '): the newest version of each, revoked ones left out.');
}

/** The object page's Cyber section: what GET /api/v1/objects/{noradId}/cyber gives the caller. */
export async function objectSection(section, noradId, go) {
  const answer = await api.get('/api/v1/objects/' + noradId + '/cyber');
  if (!answer.items.length) {
    section.append(empty('Nothing linked to this object that you may see: no STIX object you may see names it'
      + ' (x-concord-space-object) or is joined to one that does. Objects released to other parties only are not'
      + ' shown, nor counted.'));
    return;
  }
  const isAnchor = i => i.type === 'infrastructure'
    && Number(((i.object.extensions || {})[SPACE_OBJECT_EXTENSION] || {}).norad_id) === Number(noradId);
  section.append(linkedSummary(answer.items, 'this object'),
    linkedTable(answer.items, isAnchor, 'this object', 'Cyber objects linked to this object', go));
}

async function stationSection(main, stationId, go) {
  const section = h('section', { class: 'station' }, h('h2', {}, 'Linked to ground station ' + stationId));
  main.append(section);
  const answer = await api.get('/api/v1/ground-stations/' + encodeURIComponent(stationId) + '/cyber');
  if (!answer.items.length) {
    section.append(empty('Nothing linked to ground station ' + stationId + ' that you may see: no STIX object you'
      + ' may see names it (x-concord-ground-station). The node keeps no list of stations: a station is known only'
      + ' by the objects that name it.'));
    return;
  }
  const isAnchor = i => i.type === 'infrastructure'
    && ((i.object.extensions || {})[GROUND_STATION_EXTENSION] || {}).station_id === stationId;
  section.append(linkedSummary(answer.items, 'the station'),
    linkedTable(answer.items, isAnchor, 'this station', 'Cyber objects linked to ground station ' + stationId, go));
}

export async function render(main, params, { go }) {
  if (params.get('id')) {
    await detail(main, params.get('id'), go);
    return;
  }
  const current = Object.fromEntries(params);
  const station = params.get('groundStation');
  if (station) {
    main.querySelector('h1').textContent = 'Cyber · ground station ' + station;
  }
  main.append(filterForm('cyber', 'Filter cyber objects', FILTERS, current, go));
  if (station) {
    await stationSection(main, station, go);
  }
  const sort = params.get('sort') || 'added';
  const q = { sort, limit: PAGE, cursor: params.get('cursor') };
  for (const [name] of FILTERS) {
    q[name] = params.get(name);
  }
  const page = await api.get('/api/v1/cyber', q);
  const filtered = FILTERS.some(([name]) => current[name]);
  const list = station ? h('section', {}, h('h2', {}, 'Versions naming ground station ' + station)) : main;
  if (station) {
    main.append(list);
  }
  list.append(h('p', { class: 'summary' }, page.total + ' STIX object version' + (page.total === 1 ? '' : 's')
    + ' you may see' + (filtered ? ' match' + (page.total === 1 ? 'es' : '') : '')
    + (page.total ? ', ' + page.items.length + ' on this page' : '') + '; in ' + SORTS[sort]
    + '. Every version is a row of its own, with its own marking.'));
  if (!page.items.length) {
    list.append(empty(filtered ? 'No STIX object you may see matches these filters.'
      : 'No STIX object you may see: none posted to this node\'s TAXII collections or pulled yet, or none released'
        + ' to you (anonymous callers see TLP:CLEAR public objects only).'));
    return;
  }
  const tbody = h('tbody', {}, page.items.map(p => {
    const o = JSON.parse(p.objectJson);
    return h('tr', { 'data-key': p.id, 'data-stix-type': p.stixType },
      h('td', {}, p.stixType, p.revoked ? h('span', { class: 'stale' }, ' revoked') : null),
      h('td', {}, nameOf(o)), h('td', {}, sparta(o)),
      h('td', {}, p.noradId !== null ? ['space object ', objectLink(p.noradId)]
        : p.groundStation ? stationLink(p.groundStation) : '—'),
      h('td', {}, timeWithAge(p.version)), h('td', {}, timeWithAge(p.dateAdded)), h('td', {}, labelBadge(p.label)));
  }));
  const sorter = (key, text) => sortButton('cyber', current, sort, key, text, go);
  list.append(h('table', { class: 'data cyber', 'aria-label': 'Cyber objects' },
    h('caption', {}, 'Rows: ↑/↓ to move, Enter to open the object, its STIX JSON and its links to space objects and'
      + ' ground stations.'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'SPARTA'),
      h('th', { scope: 'col', title: 'The space object or ground station this infrastructure names' }, 'Names'),
      h('th', { scope: 'col', 'aria-sort': sort === '-modified' ? 'descending' : 'none' },
        sorter('-modified', 'Modified (UTC)')),
      h('th', { scope: 'col', 'aria-sort': sort === 'added' ? 'ascending' : 'none' },
        sorter('added', 'Added (UTC)')),
      h('th', { scope: 'col' }, 'Marking'))),
    tbody),
  pager('cyber', current, page.nextCursor, go));
  navigableRows(tbody, id => go('cyber', { id }));
}

/** The newest version of a STIX object the caller may see, or null. */
async function newest(stixId) {
  const page = await api.get('/api/v1/cyber', { stixId, sort: '-modified', limit: 1 });
  return page.items.length ? page.items[0] : null;
}

/**
 * The space objects and ground stations a STIX object is linked to, as the caller may see them: the one it names
 * itself (an infrastructure), or, through the relationships and sightings joining it to others (itself, when it is
 * one), the ones the infrastructure at their other end names. Each as {join, direction, end, via}.
 */
async function linksOf(p, o) {
  const links = [];
  if (p.noradId !== null || p.groundStation) {
    links.push({ join: null, end: p });
  }
  let joins;
  if (isJoin(p.stixType)) {
    joins = [{ join: p, object: o }];
  } else {
    const page = await api.get('/api/v1/cyber', { ref: p.stixId, sort: '-modified', limit: LINKS });
    const latest = new Map();
    for (const j of page.items) {
      if (!latest.has(j.stixId)) {
        latest.set(j.stixId, j);
      }
    }
    joins = Array.from(latest.values()).filter(j => !j.revoked)
      .map(j => ({ join: j, object: JSON.parse(j.objectJson) }));
  }
  const seen = new Map();
  for (const { join, object } of joins) {
    const [source, target] = ends(object);
    for (const id of [source, target]) {
      if (!id || id === p.stixId || typeOf(id) !== 'infrastructure' || seen.size >= LINKS) {
        continue;
      }
      if (!seen.has(id)) {
        seen.set(id, await newest(id));
      }
      const end = seen.get(id);
      if (end && !end.revoked && (end.noradId !== null || end.groundStation)) {
        links.push({ join, joinObject: object, outgoing: id === target, end });
      }
    }
  }
  return links;
}

/** How a link joins the object shown (p) to the space object or station: by itself, or by which relationship. */
function how(l, p) {
  if (l.join === null) {
    return 'named by this infrastructure';
  }
  const type = l.joinObject.type === 'sighting' ? 'sighting of' : l.joinObject.relationship_type;
  if (l.join.id === p.id) {
    return (l.outgoing ? 'its target' : 'its source') + ' (' + type + ')';
  }
  return l.outgoing ? 'this ' + p.stixType + ' → ' + type + ' → it' : 'it → ' + type + ' → this ' + p.stixType;
}

function endLink(end) {
  return end.noradId !== null ? ['space object ', objectLink(end.noradId)] : stationLink(end.groundStation);
}

async function detail(main, id, go) {
  const p = await api.get('/api/v1/cyber/' + encodeURIComponent(id));
  const o = JSON.parse(p.objectJson);
  main.querySelector('h1').textContent = p.stixType + ': ' + nameOf(o);
  const ids = spartaIds(o);
  main.append(h('section', { class: 'cards' },
    h('div', { class: 'card' }, h('h2', {}, 'The object'), labelBadge(p.label), facts([
      ['Type', p.stixType + ' (STIX ' + p.specVersion + ')'], ['Name', nameOf(o)],
      ['STIX id', h('code', {}, p.stixId)],
      ...(ids.length ? [['SPARTA techniques', h('span', { class: 'sparta' }, ids.join(', '))]] : []),
      ['Created (UTC)', timeWithAge(p.created)], ['Modified (UTC)', timeWithAge(p.version)],
      ['Revoked', p.revoked ? h('span', { class: 'stale' }, 'yes: revoked by this version') : 'no'],
      ['Versions', h('a', { href: '#/cyber?stixId=' + encodeURIComponent(p.stixId) }, 'every version you may see')]])),
    h('div', { class: 'card' }, h('h2', {}, 'Where it comes from'), facts([
      ['Originator', p.label.originator],
      ['Collection', h('code', {}, p.collectionId)], ['Added to this node (UTC)', timeWithAge(p.dateAdded)],
      ['Posted by its originator (UTC)', p.postedAt ? timeWithAge(p.postedAt) : '—'],
      ['Received from', p.receivedFrom || 'posted or pulled here']]))));
  const linked = h('section', {}, h('h2', {}, 'Space objects and ground stations'));
  main.append(linked);
  const links = await linksOf(p, o);
  if (!links.length) {
    linked.append(empty('Linked to no space object or ground station that you may see: no relationship or sighting'
      + ' you may see joins it to an infrastructure naming one (x-concord-space-object, x-concord-ground-station).'));
  } else {
    // a row opens the relationship that makes the link, or the infrastructure when there is none besides this one
    const opens = l => (l.join && l.join.id !== p.id ? l.join.id : l.end.id);
    const tbody = h('tbody', {}, links.map(l => h('tr', { 'data-key': opens(l) },
      h('td', {}, l.end ? endLink(l.end) : '—'),
      h('td', {}, how(l, p)),
      h('td', {}, l.join === null ? '—' : [nameOf(l.end.objectJson ? JSON.parse(l.end.objectJson) : {}), ' ',
        labelBadge(l.end.label)]),
      h('td', {}, l.join === null ? '—' : labelBadge(l.join.label)))));
    navigableRows(tbody, key => go('cyber', { id: key }));
    linked.append(h('table', { class: 'data', 'aria-label': 'Space objects and ground stations' },
      h('caption', {}, 'Rows: ↑/↓ to move, Enter to open the relationship that makes the link (or the'
        + ' infrastructure).'),
      h('thead', {}, h('tr', {}, ['Space object or ground station', 'How', 'Through the infrastructure',
        'Relationship marking'].map(t => h('th', { scope: 'col' }, t)))), tbody));
  }
  main.append(h('section', {}, h('h2', {}, 'STIX JSON'),
    h('p', { class: 'note' }, 'As posted, pretty-printed; read-only.'),
    h('pre', { class: 'stix', tabindex: '0', 'aria-label': 'STIX JSON of this version, read-only' },
      JSON.stringify(o, null, 2))));
}
