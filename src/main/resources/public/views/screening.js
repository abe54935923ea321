// Screening: start a one-object screening against the catalog, follow its progress live, land on its conjunctions;
// below, the runs the caller may see.
import * as api from '../api.js';
import { h, timeWithAge, km, duration, empty, errorBox, navigableRows } from '../ui.js';

export const title = 'Screening';
export const nav = 'Screening';

const POLL_MILLISECONDS = 500;

export async function render(main, params, { caller, go }) {
  if (!caller) {
    main.append(empty('Sign in as an analyst, operator or administrator of this node\'s party to start a screening.'));
    return;
  }
  const noradId = params.get('noradId') || '';
  let start = params.get('start') || '';
  if (noradId && !start) {
    try {
      const o = await api.get('/api/v1/objects/' + encodeURIComponent(noradId));
      start = o.latestOrbit ? o.latestOrbit.epoch.replace(/\.\d+Z$/, 'Z') : '';
    } catch (e) {
      // the form below says what is wrong once submitted
    }
  }
  const form = h('form', { class: 'filters', 'aria-label': 'Start a screening' },
    h('label', {}, 'Object (catalog number)', h('input', { name: 'primaryNoradId', value: noradId, required: true })),
    h('label', {}, 'Window start (UTC)', h('input', { name: 'start', value: start, placeholder: '2024-07-05T00:00:00Z',
      required: true })),
    h('label', {}, 'Window length (h)', h('input', { name: 'windowHours', value: '24', inputmode: 'decimal' })),
    h('label', {}, 'Threshold (km)', h('input', { name: 'thresholdKm', value: '5', inputmode: 'decimal' })),
    h('button', { type: 'submit' }, 'Start screening'));
  const progress = h('div', { class: 'progress', 'aria-live': 'polite' });
  main.append(h('p', { class: 'note' }, 'Screens one object against the whole catalog over the window and stores'
    + ' every approach inside the threshold. The start defaults to the object\'s element epoch.'), form, progress);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    progress.replaceChildren();
    const f = form.elements;
    try {
      const run = await api.post('/api/v1/screenings', {
        primaryNoradId: Number(f.primaryNoradId.value),
        start: f.start.value.trim(),
        windowSeconds: Math.round(Number(f.windowHours.value) * 3600),
        thresholdMeters: Number(f.thresholdKm.value) * 1000,
      });
      await follow(run, progress, go);
    } catch (e) {
      progress.replaceChildren(errorBox(e));
    }
  });
  await listRuns(main, go);
}

async function follow(run, progress, go) {
  const bar = h('progress', { max: '1', value: String(run.progress) });
  const text = h('span', {});
  progress.replaceChildren(h('p', {}, 'Run ' + run.id + ': ', bar, ' ', text));
  for (;;) {
    bar.value = run.progress;
    text.textContent = run.status.toLowerCase() + ', ' + Math.round(run.progress * 100) + ' %';
    if (run.status !== 'RUNNING') {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MILLISECONDS));
    run = await api.get('/api/v1/screenings/' + run.id);
  }
  if (run.status === 'DONE') {
    go('conjunctions', { runId: run.id, sort: '-pc' });
  } else {
    progress.append(errorBox({ message: 'run ' + run.id + ' ended ' + run.status + (run.error ? ': ' + run.error : '') }));
  }
}

async function listRuns(main, go) {
  const section = h('section', {}, h('h2', {}, 'Runs'));
  main.append(section);
  const runs = await api.get('/api/v1/screenings');
  const items = runs.items.slice().sort((a, b) => b.id - a.id).slice(0, 20);
  if (!items.length) {
    section.append(empty('No screening runs you may see yet.'));
    return;
  }
  const tbody = h('tbody', {}, items.map(r => h('tr', { 'data-key': r.id },
    h('td', { class: 'num' }, String(r.id)), h('td', {}, r.kind.toLowerCase().replaceAll('_', ' ')
      + (r.primaryNoradId ? ' ' + r.primaryNoradId : '')),
    h('td', {}, timeWithAge(r.start)), h('td', { class: 'num' }, duration(r.windowSeconds)),
    h('td', { class: 'num' }, km(r.thresholdMeters, 1)), h('td', {}, r.status.toLowerCase()),
    h('td', { class: 'num' }, r.figures ? String(r.figures.conjunctions) : '—'),
    h('td', {}, r.warning || r.error || ''))));
  navigableRows(tbody, id => go('conjunctions', { runId: id, sort: '-pc' }));
  section.append(h('table', { class: 'data', 'aria-label': 'Screening runs' }, h('thead', {}, h('tr', {},
    ['Run', 'Kind', 'Window start (UTC)', 'Window', 'Threshold', 'Status', 'Conjunctions', 'Warning']
      .map(t => h('th', { scope: 'col' }, t)))), tbody));
}
