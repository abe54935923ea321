// The console's shell: sign-in, the navigation and a small hash router. Each product view is one module in views/
// that exports {title, nav, admin, render(main, params, context)}; a new product adds its module to VIEWS.
import * as api from './api.js';
import { h, errorBox } from './ui.js';

const VIEWS = ['conjunctions', 'conjunction', 'events', 'event', 'objects', 'object', 'globe', 'screening',
  'reentries', 'reentry', 'space-weather', 'cyber', 'sharing', 'federation', 'audit'];
const DEFAULT_VIEW = 'conjunctions';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signin = document.getElementById('signin');
const signout = document.getElementById('signout');
const notice = document.getElementById('notice');

const modules = new Map();
let caller = null;
/** The navigation of the current caller, drawn while the first view loads; a view counts as drawn with it. */
let navigation = Promise.resolve();

/** A view's module, imported once (its promise kept, so that asking twice at once fetches it once). */
function view(name) {
  if (!modules.has(name)) {
    modules.set(name, import('./views/' + name + '.js'));
  }
  return modules.get(name);
}

/** '#/objects?name=ISS' as {name: 'objects', params: URLSearchParams}. */
function parse(hash) {
  const [path, q] = hash.replace(/^#\/?/, '').split('?');
  return { name: path || DEFAULT_VIEW, params: new URLSearchParams(q || '') };
}

/** Goes to a view: the hash holds the view and its parameters, never the token. */
export function go(name, params) {
  const q = api.query(params);
  const target = '#/' + name + q;
  if (location.hash === target) {
    route();
  } else {
    location.hash = target;
  }
}

async function route() {
  delete main.dataset.rendered;
  const { name, params } = parse(location.hash);
  if (!VIEWS.includes(name)) {
    main.replaceChildren(errorBox({ message: 'no view "' + name + '"; the views are ' + VIEWS.join(', ') }));
    return;
  }
  const module = await view(name);
  for (const link of nav.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', link.dataset.view === name);
  }
  document.title = module.title + ' · Concord';
  main.replaceChildren(h('h1', {}, module.title));
  main.dataset.view = name;
  main.setAttribute('aria-busy', 'true');
  try {
    await module.render(main, params, { caller, go });
  } catch (e) {
    main.append(errorBox(e));
  } finally {
    await navigation;
    main.setAttribute('aria-busy', 'false');
    main.dataset.rendered = location.hash || '#/' + DEFAULT_VIEW;
  }
}

/**
 * The navigation links of the views the caller may open. Every view's module is asked for at once: imported one
 * after another they cost a round trip each (14 views, with their own imports) before the first view could start.
 */
async function drawNavigation() {
  const links = [];
  const loaded = await Promise.all(VIEWS.map(view));
  for (const [i, name] of VIEWS.entries()) {
    const module = loaded[i];
    if (module.nav && (!module.admin || (caller && caller.role === 'admin' && caller.party === caller.nodeParty))) {
      links.push(h('a', { href: '#/' + name, 'data-view': name }, module.nav));
    }
  }
  nav.replaceChildren(...links);
  if (caller) {
    who.textContent = caller.name + ' · ' + caller.party + ' · ' + caller.role;
  } else {
    who.textContent = 'anonymous: public data only';
  }
  signin.hidden = !!caller;
  signout.hidden = !caller;
}

/** Finds who the caller is and starts drawing the navigation for it (route() waits for it before it is done). */
async function identify() {
  caller = null;
  if (api.token()) {
    try {
      caller = await api.get('/api/v1/whoami');
    } catch (e) {
      api.setToken(null);
      showNotice(e);
    }
  }
  navigation = drawNavigation().catch(showNotice);
}

function showNotice(error) {
  notice.replaceChildren(errorBox(error));
  notice.hidden = false;
}

signin.addEventListener('submit', async event => {
  event.preventDefault();
  delete main.dataset.rendered;
  const field = signin.elements.token;
  const value = field.value.trim();
  field.value = '';
  notice.hidden = true;
  if (!value) {
    return;
  }
  api.setToken(value);
  await identify();
  await route();
});

signout.addEventListener('click', async () => {
  delete main.dataset.rendered;
  api.setToken(null);
  notice.hidden = true;
  await identify();
  await route();
});

window.addEventListener('hashchange', route);

await identify();
await route();
