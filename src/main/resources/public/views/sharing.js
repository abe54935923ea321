// Sharing (node administrators): parties, users, tokens and release agreements with their validity.
import * as api from '../api.js';
import { h, timeWithAge, empty, utc } from '../ui.js';

export const title = 'Sharing';
export const nav = 'Sharing';
export const admin = true;

export async function render(main) {
  const [parties, users, tokens, agreements] = [await api.get('/api/v1/parties'), await api.get('/api/v1/users'),
    await api.get('/api/v1/tokens'), await api.get('/api/v1/agreements')];
  main.append(
    table('Parties', ['Code', 'Name', 'Kind', 'Source priority', 'Created (UTC)'], parties.items,
      p => [p.code, p.name, p.kind, String(p.sourcePriority), timeWithAge(p.createdAt)], 'No parties.'),
    table('Users', ['Name', 'Party', 'Role', 'State', 'Created (UTC)'], users.items,
      u => [u.name, u.party, u.role, u.disabled ? 'disabled' : 'enabled', timeWithAge(u.createdAt)],
      'No users: tokens are issued to users (concord user add).'),
    table('Tokens', ['Id', 'User', 'Description', 'Created (UTC)', 'Expires (UTC)', 'State'], tokens.items,
      t => [String(t.id), t.user, t.description || '—', timeWithAge(t.createdAt), timeWithAge(t.expiresAt),
        t.revokedAt ? 'revoked ' + utc(t.revokedAt) : Date.parse(t.expiresAt) < Date.now() ? 'expired' : 'valid'],
      'No tokens issued.'),
    table('Agreements', ['Id', 'Grantor', 'Recipients', 'Kinds', 'Third-party data', 'Valid from (UTC)',
      'Valid to (UTC)', 'State'], agreements.items,
    a => [String(a.id) + (a.version ? ' v' + a.version : ''), a.grantor, a.recipients.join(', '),
      a.kinds.join(', '), a.includesThirdParty ? 'included' : 'not included', timeWithAge(a.validFrom),
      a.validTo ? timeWithAge(a.validTo) : 'open-ended', state(a)],
    'No release agreements: partners see only what labels release to them.'));
}

function state(agreement) {
  const now = Date.now();
  if (agreement.revokedAt) {
    return 'revoked ' + utc(agreement.revokedAt);
  }
  if (Date.parse(agreement.validFrom) > now) {
    return 'not yet in force';
  }
  return agreement.validTo && Date.parse(agreement.validTo) <= now ? 'expired' : 'in force';
}

function table(caption, headings, items, cells, emptyReason) {
  const section = h('section', {}, h('h2', {}, caption));
  if (!items.length) {
    section.append(empty(emptyReason));
    return section;
  }
  section.append(h('table', { class: 'data', 'aria-label': caption },
    h('thead', {}, h('tr', {}, headings.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map(item => h('tr', {}, cells(item).map(c => h('td', {}, c)))))));
  return section;
}
