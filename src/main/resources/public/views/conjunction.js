// One conjunction: the geometry, the risk with its statement, the inputs and their ages (at TCA, and of their data
// now), the label, the CDM download where the conjunction came as one, and a link to its event (one encounter's
// updates, with the charts of miss and Pc over time).
import * as api from '../api.js';
import { h, timeWithAge, km, meters, speed, pc, pcKind, labelBadge, duration, facts, errorBox, empty,
  objectLink } from '../ui.js';

export const title = 'Conjunction';

export async function render(main, params) {
  const id = params.get('id');
  const c = await api.get('/api/v1/conjunctions/' + encodeURIComponent(id));
  main.querySelector('h1').textContent = 'Conjunction ' + c.id + ': ' + c.primaryNoradId + ' × ' + c.secondaryNoradId;
  main.append(h('p', {}, labelBadge(c.label)),
    facts([
      ['TCA (UTC)', timeWithAge(c.tca)],
      ['Primary', objectLink(c.primaryNoradId, c.primaryName)],
      ['Secondary', objectLink(c.secondaryNoradId, c.secondaryName)],
      ['Miss distance', km(c.missDistanceMeters)],
      ['Radial / in-track / cross-track', [meters(c.radialMeters), ' / ', meters(c.inTrackMeters), ' / ',
        meters(c.crossTrackMeters)]],
      ['Relative speed', speed(c.relativeSpeedMetersPerSecond)],
      ['Pc', c.risk ? [pc(c.risk.probability), ' (', pcKind(c.risk), ', ', c.risk.method, ')'] : 'not computed'],
      ['Risk statement', c.risk ? c.risk.statement : '—'],
      ['Pc in the CDM', c.cdmRisk ? [pc(c.cdmRisk.probability), ' (', pcKind(c.cdmRisk), ')'] : '—'],
      ['Element ages at TCA', [duration(c.primaryElementAgeSeconds), ' / ', duration(c.secondaryElementAgeSeconds),
        c.stale ? ' — stale: beyond the age limit of their orbit regime' : '']],
      ['Source', c.fromCdm ? 'a received CCSDS CDM' : ['screening run ', c.screeningRunId === null ? '—'
        : h('a', { href: '#/conjunctions?runId=' + c.screeningRunId }, String(c.screeningRunId))]],
    ]),
    await eventNote(c),
    await inputs(c));
  if (c.fromCdm) {
    main.append(h('p', {}, cdmDownloads('conjunctions', c.id, 'cdm')));
  } else {
    main.append(h('p', { class: 'note' }, 'No CDM: this conjunction comes from a screening of mean elements'
      + ' without covariance, and a CCSDS CDM needs both objects\' covariances at TCA. Its event\'s page offers'
      + ' a CDM with covariances estimated from the element-set histories, where they allow one.'));
  }
}

/**
 * The event holding this conjunction as one of its updates, among the events of its primary within 10 minutes of its
 * TCA (one page of them); undefined when none the caller may see holds it.
 */
export async function eventOf(c) {
  const window = 10 * 60 * 1000;
  const tca = Date.parse(c.tca);
  const page = await api.get('/api/v1/events', { noradId: c.primaryNoradId, limit: 100,
    from: new Date(tca - window).toISOString(), to: new Date(tca + window).toISOString() });
  return page.items.find(e => e.updates.some(u => u.conjunctionId === c.id));
}

async function eventNote(c) {
  try {
    const event = await eventOf(c);
    if (event) {
      return h('p', { class: 'note' }, 'Update ' + event.updates.find(u => u.conjunctionId === c.id).number + ' of ',
        h('a', { href: '#/event?id=' + event.id, id: 'event-link' }, 'event ' + event.id), ' (' + event.updateCount
          + ' update' + (event.updateCount === 1 ? '' : 's') + ', with miss distance and Pc over time).');
    }
    return h('p', { class: 'note' }, 'No event of this encounter you may see: events are built within a minute of'
      + ' a screening or CDM, and an event is shown only to those who may see every update behind it.');
  } catch (e) {
    return h('p', { class: 'note' }, 'Its event: ' + e.message);
  }
}

/** The orbit records the conjunction was computed from: whose data, of when, how old now, under which label. */
async function inputs(c) {
  const section = h('section', {}, h('h2', {}, 'Inputs'));
  if (c.primaryOrbitId === null && c.secondaryOrbitId === null) {
    section.append(empty(c.fromCdm ? 'The inputs are the CDM\'s own states: no orbit record of this node.'
      : 'No input orbit records are named for this conjunction.'));
    return section;
  }
  const rows = [];
  for (const [role, noradId, orbitId] of [['Primary', c.primaryNoradId, c.primaryOrbitId],
    ['Secondary', c.secondaryNoradId, c.secondaryOrbitId]]) {
    const cells = [h('td', {}, role + ' ' + noradId), h('td', { class: 'num' }, String(orbitId ?? '—'))];
    if (orbitId === null) {
      rows.push(h('tr', {}, cells, h('td', { colspan: '5' }, 'no orbit record named')));
      continue;
    }
    try {
      const o = await api.get('/api/v1/orbits/' + orbitId);
      cells.push(h('td', {}, timeWithAge(o.epoch)), h('td', {}, o.kind + ', ' + o.format),
        h('td', {}, o.provenance.sourceName), h('td', {}, timeWithAge(o.provenance.ingestedAt)),
        h('td', {}, labelBadge(o.label)));
    } catch (e) {
      cells.push(h('td', { colspan: '5' }, e.status === 404 ? 'not shown: a record you may not see, or one'
        + ' recalled since' : e.message));
    }
    rows.push(h('tr', {}, cells));
  }
  section.append(h('table', { class: 'data', 'aria-label': 'Input orbit records' }, h('thead', {}, h('tr', {},
    ['Input', 'Record', 'Epoch (UTC, age now)', 'Kind, format', 'Source', 'Ingested (UTC)', 'Label']
      .map(t => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)));
  return section;
}

/**
 * The buttons that download the CDM of a conjunction received as one, or of an event (kind 'conjunctions' or
 * 'events': GET /api/v1/{kind}/{id}/cdm), in KVN and XML (their ids start with idPrefix), with the line that says
 * what was saved or why there is no CDM.
 */
export function cdmDownloads(kind, id, idPrefix) {
  const status = h('span', { class: 'status', 'aria-live': 'polite' });
  return [h('button', { type: 'button', id: idPrefix + '-kvn', onclick: () => download(kind, id, 'kvn', status) },
    'Download CDM (KVN)'), ' ',
  h('button', { type: 'button', id: idPrefix + '-xml', onclick: () => download(kind, id, 'xml', status) },
    'Download CDM (XML)'), ' ', status];
}

/** Fetched with the token in its header, then saved from memory: a plain link would need the token in the URL. */
async function download(kind, id, format, status) {
  const name = kind.replace(/s$/, '') + '-' + id + '.' + format;
  try {
    const cdm = await api.getText('/api/v1/' + kind + '/' + id + '/cdm', { format });
    const url = URL.createObjectURL(new Blob([cdm.text], { type: cdm.type }));
    const link = h('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = 'saved ' + name + ' (label ' + cdm.label + ')';
  } catch (e) {
    status.replaceChildren(errorBox(e));
  }
}
