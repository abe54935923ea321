// The audit log (node administrators): entries with filters, and a check of the log against the node's latest
// signed checkpoint, done here in the browser from what the API serves: every entry's leaf hash, the RFC 9162 Merkle
// root over the first treeSize entries, and the checkpoint's Ed25519 signature under the node's published key.
import * as api from '../api.js';
import { h, timeWithAge, empty, errorBox } from '../ui.js';

export const title = 'Audit log';
export const nav = 'Audit';
export const admin = true;

const PAGE = 50;

export async function render(main, params, { go }) {
  const current = Object.fromEntries(params);
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the audit log' },
    h('label', {}, 'Party', h('input', { name: 'party', value: current.party || '', placeholder: 'e.g. AUS' })),
    h('label', {}, 'After entry', h('input', { name: 'after', value: current.after || '', placeholder: '-1' })),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    go('audit', { party: form.elements.party.value.trim(), after: form.elements.after.value.trim() });
  });
  const verdict = h('div', { class: 'verdict', 'aria-live': 'polite' });
  main.append(h('p', {}, h('button', { type: 'button', id: 'verify', onclick: () => verify(verdict) },
    'Verify the log against the latest signed checkpoint')), verdict, form);
  const page = await api.get('/api/v1/audit/entries', { party: current.party, after: current.after, limit: PAGE });
  if (!page.items.length) {
    main.append(empty('No audit entries ' + (current.party ? 'concerning ' + current.party + ' ' : '')
      + (current.after ? 'after entry ' + current.after : '') + '.'));
    return;
  }
  main.append(h('table', { class: 'data', 'aria-label': 'Audit entries' },
    h('thead', {}, h('tr', {}, ['#', 'Time (UTC)', 'Actor', 'Party', 'Action', 'Subject', 'Whose data', 'Detail']
      .map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, page.items.map(e => h('tr', {}, h('td', { class: 'num' }, String(e.sequence)),
      h('td', {}, timeWithAge(e.time)), h('td', {}, e.actor), h('td', {}, e.actorParty || '—'),
      h('td', {}, e.action), h('td', {}, e.subject), h('td', {}, e.originators.join(', ')),
      h('td', {}, e.detail))))),
  h('nav', { class: 'pager', 'aria-label': 'Pages' }, h('button', { type: 'button', disabled: page.nextAfter === null,
    onclick: () => go('audit', Object.assign({}, current, { after: page.nextAfter })) }, 'Next →')));
}

async function sha256(...parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');

/** RFC 9162 section 2.1: MTH of n leaves splits at the largest power of two below n. */
async function root(leaves) {
  if (leaves.length === 1) {
    return leaves[0];
  }
  let k = 1;
  while (k * 2 < leaves.length) {
    k *= 2;
  }
  return sha256(Uint8Array.of(1), await root(leaves.slice(0, k)), await root(leaves.slice(k)));
}

async function verify(verdict) {
  verdict.replaceChildren(h('p', {}, 'Checking…'));
  try {
    const checkpoint = await api.get('/api/v1/audit/checkpoints/latest');
    const key = await api.get('/api/v1/node/key');
    const leaves = [];
    const problems = [];
    let after = -1;
    while (leaves.length < checkpoint.treeSize) {
      const page = await api.get('/api/v1/audit/entries', { after, limit: 1000 });
      if (!page.items.length) {
        break;
      }
      for (const e of page.items) {
        if (leaves.length === checkpoint.treeSize) {
          break;
        }
        const leaf = await sha256(Uint8Array.of(0), new TextEncoder().encode(e.entry));
        if (hex(leaf) !== e.leafHash) {
          problems.push('entry ' + e.sequence + ': its bytes do not hash to its leaf hash');
        }
        leaves.push(leaf);
        after = e.sequence;
      }
    }
    if (leaves.length < checkpoint.treeSize) {
      problems.push('the log holds ' + leaves.length + ' entries, the checkpoint says ' + checkpoint.treeSize);
    } else if (hex(await root(leaves)) !== checkpoint.rootHash) {
      problems.push('the Merkle root of the first ' + checkpoint.treeSize + ' entries is not the signed one');
    }
    const der = Uint8Array.from(atob(key.publicKeyPem.replace(/-----[^-]+-----|\s/g, '')), c => c.charCodeAt(0));
    const publicKey = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    const signature = Uint8Array.from(atob(checkpoint.signature), c => c.charCodeAt(0));
    if (!await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature,
      new TextEncoder().encode(checkpoint.signedText))) {
      problems.push('the checkpoint\'s signature does not hold under the node key ' + key.fingerprint);
    }
    verdict.replaceChildren(problems.length
      ? h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'The log is NOT intact.'),
        h('ul', {}, problems.map(p => h('li', {}, p))))
      : h('p', { class: 'ok' }, 'The log is intact: its first ' + checkpoint.treeSize + ' entries hash to the root'
        + ' signed at ', timeWithAge(checkpoint.signedAt), ', and the signature holds under the node key '
        + key.fingerprint.substring(0, 16) + '…. Entries after the checkpoint are covered by the next one.'));
  } catch (e) {
    verdict.replaceChildren(errorBox(e));
  }
}
