// One object: identifiers, SATCAT entry, the latest element set and its age, its ground track over two revolutions
// from the element epoch (computed by the node's propagation API), its conjunctions, and the cyber threat intelligence
// linked to it (views/cyber.js draws that section).
import * as api from '../api.js';
import { h, timeWithAge, km, pc, pcKind, severity, labelBadge, facts, empty, errorBox, navigableRows,
  duration, objectLink } from '../ui.js';
import { groundTrack } from '../groundtrack.js';
import { objectSection as cyberSection } from './cyber.js';

export const title = 'Object';

export async function render(main, params, { caller, go }) {
  const id = params.get('id');
  const o = await api.get('/api/v1/objects/' + encodeURIComponent(id));
  main.querySelector('h1').textContent = o.noradId + ' ' + o.name;
  const orbit = o.latestOrbit;
  const s = o.satcat;
  main.append(h('section', { class: 'cards' },
    h('div', { class: 'card' }, h('h2', {}, 'Identifiers'), facts([
      ['Catalog number', String(o.noradId)], ['Name', o.name],
      ['International designator', o.internationalDesignator || '—']])),
    h('div', { class: 'card' }, h('h2', {}, 'SATCAT'), s ? [labelBadge(s.label), facts([
      ['Type', s.objectType || '—'], ['Owner', s.owner || s.satcatOwner || '—'],
      ['Launch', [s.launchDate || '—', s.launchSite ? ' from ' + s.launchSite : '']],
      ['Decay', s.decayDate || '—'], ['Radar cross-section', s.rcsSize || '—'],
      ['Unknown fields', s.unknown.length ? s.unknown.join(', ') : 'none']])]
      : empty('No SATCAT entry for this object that you may see.')),
    h('div', { class: 'card' }, h('h2', {}, 'Latest element set'), orbit ? [labelBadge(orbit.label), facts([
      ['Epoch (UTC)', timeWithAge(orbit.epoch)],
      ['Kind and format', orbit.kind + ', ' + orbit.format],
      ['Perigee × apogee', Math.round(orbit.perigeeAltitudeKm) + ' × ' + Math.round(orbit.apogeeAltitudeKm) + ' km'],
      ['Inclination', orbit.inclinationDeg.toFixed(3) + '°'],
      ['Period', orbit.periodMinutes.toFixed(2) + ' min'],
      ['Source', orbit.provenance.sourceName + ' (ingested ' + orbit.provenance.ingestedAt.substring(0, 19)
        + 'Z by ' + orbit.provenance.ingestedBy + ')'],
      ['Chosen because', o.latestOrbitChoice ? o.latestOrbitChoice.reason : '—']])]
      : empty('No orbit you may see for this object.'))));
  if (caller && caller.party === caller.nodeParty && ['admin', 'operator', 'analyst'].includes(caller.role)) {
    main.append(h('p', {}, h('button', { type: 'button', id: 'screen-object',
      onclick: () => go('screening', { noradId: o.noradId }) }, 'Screen this object against the catalog')));
  }
  const track = h('section', { class: 'track-section' }, h('h2', {}, 'Ground track'));
  const related = h('section', {}, h('h2', {}, 'Conjunctions'));
  const cyber = h('section', { class: 'cyber-section' }, h('h2', {}, 'Cyber'));
  const history = h('section', {}, h('h2', {}, 'Orbit history'));
  main.append(track, related, cyber, history);
  if (orbit) {
    await drawTrack(track, o, orbit);
  } else {
    track.append(empty('No ground track: no orbit you may see.'));
  }
  await listConjunctions(related, o.noradId, go);
  try {
    await cyberSection(cyber, o.noradId, go);
  } catch (err) {
    cyber.append(errorBox(err));
  }
  if (orbit) {
    await listOrbits(history, o.noradId);
  } else {
    history.append(empty('No orbit records you may see.'));
  }
}

const HISTORY_ROWS = 20;

/** The newest records with their provenance (the API answers the whole history at once: only its head is shown). */
async function listOrbits(section, noradId) {
  const records = (await api.get('/api/v1/objects/' + noradId + '/orbits')).items
    .slice().sort((a, b) => Date.parse(b.epoch) - Date.parse(a.epoch));
  section.append(h('p', { class: 'summary' }, records.length + ' record' + (records.length === 1 ? '' : 's')
    + ' you may see' + (records.length > HISTORY_ROWS ? '; the newest ' + HISTORY_ROWS + ' by epoch' : '') + '.'),
  h('table', { class: 'data', 'aria-label': 'Orbit history' }, h('thead', {}, h('tr', {},
    ['Record', 'Epoch (UTC)', 'Kind, format', 'Perigee × apogee', 'Source', 'Ingested (UTC)', 'Label']
      .map(t => h('th', { scope: 'col' }, t)))),
  h('tbody', {}, records.slice(0, HISTORY_ROWS).map(r => h('tr', {},
    h('td', { class: 'num' }, String(r.id)), h('td', {}, timeWithAge(r.epoch)),
    h('td', {}, r.kind + ', ' + r.format),
    h('td', { class: 'num' }, Math.round(r.perigeeAltitudeKm) + ' × ' + Math.round(r.apogeeAltitudeKm) + ' km'),
    h('td', {}, r.provenance.sourceName + (r.provenance.line ? ':' + r.provenance.line : '')),
    h('td', {}, timeWithAge(r.provenance.ingestedAt)), h('td', {}, labelBadge(r.label)))))));
}

async function drawTrack(section, o, orbit) {
  try {
    const from = new Date(Date.parse(orbit.epoch));
    const to = new Date(from.getTime() + 2 * orbit.periodMinutes * 60000);
    const e = await api.get('/api/v1/objects/' + o.noradId + '/ephemeris', { frame: 'geodetic',
      from: from.toISOString(), to: to.toISOString(), step: '60s', orbitId: orbit.id });
    section.append(await groundTrack(e.samples, 'Ground track of ' + o.name + ' over two revolutions from '
      + orbit.epoch), h('p', { class: 'note' }, 'Two revolutions from the element epoch, '
      + e.method + (e.approximate ? ' (approximate)' : '') + '; element age up to '
      + duration(e.elementAgeSeconds) + ' over the span' + (e.stale ? ', stale' : '') + '. ' + e.notes.join('; ') + '.'));
  } catch (err) {
    section.append(errorBox(err));
  }
}

async function listConjunctions(section, noradId, go) {
  const page = await api.get('/api/v1/conjunctions', { noradId, sort: '-pc', limit: 10 });
  if (!page.items.length) {
    section.append(empty('No conjunction with this object that you may see: none screened yet, or none released'
      + ' to you.'));
    return;
  }
  const tbody = h('tbody', {}, page.items.map(c => {
    const primary = c.primaryNoradId === noradId;
    return h('tr', { 'data-key': c.id, class: severity(c.risk) }, h('td', {}, timeWithAge(c.tca)),
      h('td', {}, primary ? objectLink(c.secondaryNoradId, c.secondaryName)
        : objectLink(c.primaryNoradId, c.primaryName)),
      h('td', { class: 'num' }, km(c.missDistanceMeters)),
      h('td', { class: 'num' }, pc(c.risk && c.risk.probability), ' ', h('span', { class: 'kind' }, pcKind(c.risk))),
      h('td', {}, labelBadge(c.label)));
  }));
  navigableRows(tbody, id => go('conjunction', { id }));
  section.append(h('p', { class: 'summary' }, page.total + ' in all; the ' + page.items.length
    + ' with the highest Pc: ', h('a', { href: '#/conjunctions?noradId=' + noradId }, 'all of them')),
  h('table', { class: 'data', 'aria-label': 'Conjunctions of this object' }, h('thead', {}, h('tr', {},
    ['TCA (UTC)', 'Other object', 'Miss', 'Pc (kind)', 'Label'].map(t => h('th', { scope: 'col' }, t)))), tbody));
}
