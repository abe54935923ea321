// One conjunction: the geometry, the risk with its statement, the inputs and their ages, the label, and the CDM
// download where the conjunction came as one. Charts of miss and Pc over time need the event history (issue 15).
import * as api from '../api.js';
import { h, timeWithAge, km, meters, speed, pc, pcKind, labelBadge, duration, facts, errorBox,
  objectNames } from '../ui.js';

export const title = 'Conjunction';

export async function render(main, params) {
  const id = params.get('id');
  const c = await api.get('/api/v1/conjunctions/' + encodeURIComponent(id));
  const name = await objectNames([c.primaryNoradId, c.secondaryNoradId], api.get);
  const object = n => h('a', { href: '#/object?id=' + n }, n + (name(n) ? ' ' + name(n) : ''));
  main.querySelector('h1').textContent = 'Conjunction ' + c.id + ': ' + c.primaryNoradId + ' × ' + c.secondaryNoradId;
  main.append(h('p', {}, labelBadge(c.label)),
    facts([
      ['TCA (UTC)', timeWithAge(c.tca)],
      ['Primary', object(c.primaryNoradId)],
      ['Secondary', object(c.secondaryNoradId)],
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
      ['Input orbit records', [String(c.primaryOrbitId ?? '—'), ' / ', String(c.secondaryOrbitId ?? '—')]],
    ]),
    h('p', { class: 'note' }, 'Miss distance and Pc over time will be charted here once conjunctions are grouped'
      + ' into events with their updates (issue 15); today each screening stores its own conjunction.'));
  if (c.fromCdm) {
    const status = h('span', { class: 'status', 'aria-live': 'polite' });
    main.append(h('p', {},
      h('button', { type: 'button', id: 'cdm-kvn', onclick: () => download(c.id, 'kvn', status) }, 'Download CDM (KVN)'),
      ' ',
      h('button', { type: 'button', id: 'cdm-xml', onclick: () => download(c.id, 'xml', status) }, 'Download CDM (XML)'),
      ' ', status));
  } else {
    main.append(h('p', { class: 'note' }, 'No CDM: this conjunction comes from a screening of mean elements'
      + ' without covariance, and a CCSDS CDM needs both objects\' covariances at TCA.'));
  }
}

/** Fetched with the token in its header, then saved from memory: a plain link would need the token in the URL. */
async function download(id, format, status) {
  try {
    const cdm = await api.getText('/api/v1/conjunctions/' + id + '/cdm', { format });
    const url = URL.createObjectURL(new Blob([cdm.text], { type: cdm.type }));
    const link = h('a', { href: url, download: 'conjunction-' + id + '.' + format });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = 'saved conjunction-' + id + '.' + format + ' (label ' + cdm.label + ')';
  } catch (e) {
    status.replaceChildren(errorBox(e));
  }
}
