// Federation (node administrators): per partner node, what we share with its party (the release agreements that
// name it, the bundles served and acknowledged, what it has still to receive), what it sent us (bundles accepted,
// records stored, items held), when we last exchanged, and its errors. From GET /api/v1/federation/peers and
// GET /api/v1/agreements.
import * as api from '../api.js';
import { h, timeWithAge, duration, empty, facts, agreementState, sectionTable } from '../ui.js';

export const title = 'Federation';
export const nav = 'Federation';
export const admin = true;

export async function render(main) {
  const [peers, agreements] = [await api.get('/api/v1/federation/peers'), await api.get('/api/v1/agreements')];
  if (!peers.items.length) {
    main.append(empty('No partner nodes: this node exchanges with none yet (concord peer add, or POST'
      + ' /api/v1/federation/peers).'));
    return;
  }
  const active = peers.items.filter(p => !p.removedAt);
  main.append(h('p', { class: 'summary' }, active.length + ' partner node' + (active.length === 1 ? '' : 's')
    + (peers.items.length > active.length ? ', ' + (peers.items.length - active.length) + ' removed' : '') + '.'));
  for (const peer of peers.items) {
    main.append(partner(peer, agreements.items.filter(a => a.recipients.includes(peer.party))));
  }
}

function when(instant, never) {
  return instant ? timeWithAge(instant) : never;
}

function partner(peer, agreements) {
  const out = peer.outbound;
  const inbound = peer.inbound;
  const held = Object.entries(inbound.heldItemsByKind);
  return h('section', { class: 'card partner', 'data-party': peer.party },
    h('h2', {}, peer.party, ' ', h('span', { class: 'kind' }, peer.removedAt ? 'removed' : 'active')),
    facts([
      ['Node', [peer.fingerprint.substring(0, 16), ' at ', peer.endpoint]],
      ['Added', [...timeWithAge(peer.addedAt), ' by ', peer.addedBy]],
      ...(peer.removedAt ? [['Removed', timeWithAge(peer.removedAt)]] : []),
      ['Errors', peer.errors ? [String(peer.errors), peer.lastError ? [' — last: ', peer.lastError, ' (',
        timeWithAge(peer.lastErrorAt), ')'] : ''] : 'none'],
    ]),
    h('div', { class: 'cards' },
      h('div', {}, h('h3', {}, 'We send'), facts([
        ['Bundles served / acknowledged', out.servedSequence + ' / ' + out.acknowledgedSequence],
        ['Records served', String(out.recordsServed)],
        ['Records still to send', String(out.pendingRecords)],
        ['Last served', when(out.lastServedAt, 'never')],
      ])),
      h('div', {}, h('h3', {}, 'They sent'), facts([
        ['Bundles accepted', String(inbound.receivedSequence)],
        ['Records stored', String(inbound.recordsReceived)],
        ['Held unread (kinds this node does not serve)', held.length ? held.map(([k, n]) => n + ' ' + k).join(', ') : 'none'],
        ['Last received', when(inbound.lastReceivedAt, 'never')],
        ['Lag', inbound.lagSeconds === null ? '—' : duration(inbound.lagSeconds)],
        ['Last attempt', when(inbound.lastAttemptAt, 'never')],
      ]))),
    sectionTable('Agreements releasing to ' + peer.party, ['Id', 'Grantor', 'Kinds', 'Third-party data',
      'Valid from (UTC)', 'Valid to (UTC)', 'State'], agreements,
    a => [String(a.id) + (a.version ? ' v' + a.version : ''), a.grantor, a.kinds.join(', '),
      a.includesThirdParty ? 'included' : 'not included', timeWithAge(a.validFrom),
      a.validTo ? timeWithAge(a.validTo) : 'open-ended', agreementState(a)],
    'No release agreement names ' + peer.party + ': it receives only what labels release to it (or to a group it'
      + ' belongs to).'));
}
