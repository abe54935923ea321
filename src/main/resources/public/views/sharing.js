// Sharing (node administrators): parties, users, tokens and release agreements with their validity.
import * as api from '../api.js';
import { timeWithAge, utc, agreementState, sectionTable } from '../ui.js';

export const title = 'Sharing';
export const nav = 'Sharing';
export const admin = true;

export async function render(main) {
  const [parties, users, tokens, agreements] = [await api.get('/api/v1/parties'), await api.get('/api/v1/users'),
    await api.get('/api/v1/tokens'), await api.get('/api/v1/agreements')];
  main.append(
    sectionTable('Parties', ['Code', 'Name', 'Kind', 'Source priority', 'Created (UTC)'], parties.items,
      p => [p.code, p.name, p.kind, String(p.sourcePriority), timeWithAge(p.createdAt)], 'No parties.'),
    sectionTable('Users', ['Name', 'Party', 'Role', 'State', 'Created (UTC)'], users.items,
      u => [u.name, u.party, u.role, u.disabled ? 'disabled' : 'enabled', timeWithAge(u.createdAt)],
      'No users: tokens are issued to users (concord user add).'),
    sectionTable('Tokens', ['Id', 'User', 'Description', 'Created (UTC)', 'Expires (UTC)', 'State'], tokens.items,
      t => [String(t.id), t.user, t.description || '—', timeWithAge(t.createdAt), timeWithAge(t.expiresAt),
        t.revokedAt ? 'revoked ' + utc(t.revokedAt) : Date.parse(t.expiresAt) < Date.now() ? 'expired' : 'valid'],
      'No tokens issued.'),
    sectionTable('Agreements', ['Id', 'Grantor', 'Recipients', 'Kinds', 'Third-party data', 'Valid from (UTC)',
      'Valid to (UTC)', 'State'], agreements.items,
    a => [String(a.id) + (a.version ? ' v' + a.version : ''), a.grantor, a.recipients.join(', '),
      a.kinds.join(', '), a.includesThirdParty ? 'included' : 'not included', timeWithAge(a.validFrom),
      a.validTo ? timeWithAge(a.validTo) : 'open-ended', agreementState(a)],
    'No release agreements: partners see only what labels release to them.'));
}
