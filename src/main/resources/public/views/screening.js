// Screening: start a screening from the page (one object against the catalog, all against all, or an uploaded CCSDS
// OEM against the catalog), follow its progress live, land on its conjunctions; below, the runs the caller may see.
import * as api from '../api.js';
import { h, timeWithAge, km, duration, empty, errorBox, navigableRows } from '../ui.js';

export const title = 'Screening';
export const nav = 'Screening';

const POLL_MILLISECONDS = 500;
const DEFAULT_WINDOW_HOURS = '24';

/** What can be screened, with what each needs; a field shows only for the kinds that take it. */
const KINDS = {
  one: { text: 'One object against the catalog', note: 'Screens one object against the whole catalog over the'
    + ' window and stores every approach inside the threshold. The start defaults to the object\'s element epoch.' },
  all: { text: 'All against all', note: 'Screens every object of the catalog against every other over the window:'
    + ' on a full catalog this takes minutes; the progress below follows it.' },
  oem: { text: 'An uploaded OEM against the catalog', note: 'Screens the object of a CCSDS OEM (a planned'
    + ' manoeuvre, say) against the catalog within the ephemeris\' span, clipped to the window when one is given;'
    + ' the run and its conjunctions are stored, the OEM is not. The node answers when the screening is done.' },
};

export async function render(main, params, { caller, go }) {
  if (!caller) {
    main.append(empty('Sign in as an analyst, operator or administrator of this node\'s party to start a screening.'));
    return;
  }
  const noradId = params.get('noradId') || '';
  const kind = KINDS[params.get('kind')] ? params.get('kind') : 'one';
  let start = params.get('start') || '';
  if (noradId && !start) {
    try {
      const o = await api.get('/api/v1/objects/' + encodeURIComponent(noradId));
      start = o.latestOrbit ? o.latestOrbit.epoch.replace(/\.\d+Z$/, 'Z') : '';
    } catch (e) {
      // the form below says what is wrong once submitted
    }
  }
  const note = h('p', { class: 'note' });
  const choice = h('fieldset', { class: 'kinds' }, h('legend', {}, 'What to screen'),
    Object.entries(KINDS).map(([key, k]) => h('label', {}, h('input', { type: 'radio', name: 'kind', value: key,
      checked: key === kind }), ' ', k.text)));
  const fields = [
    only(['one'], h('label', {}, 'Object (catalog number)', h('input', { name: 'primaryNoradId', value: noradId }))),
    only(['oem'], h('label', {}, 'OEM file', h('input', { name: 'file', type: 'file', accept: '.oem,.txt,.xml' }))),
    only(['one', 'all', 'oem'], h('label', {}, 'Window start (UTC)', h('input', { name: 'start', value: start,
      placeholder: '2024-07-05T00:00:00Z' }))),
    only(['one', 'all', 'oem'], h('label', {}, 'Window length (h)', h('input', { name: 'windowHours',
      value: kind === 'oem' ? '' : DEFAULT_WINDOW_HOURS, inputmode: 'decimal' }))),
    only(['one', 'all', 'oem'], h('label', {}, 'Threshold (km)', h('input', { name: 'thresholdKm', value: '5',
      inputmode: 'decimal' }))),
    only(['oem'], h('label', {}, 'Label of the OEM (blank: the label rules)', h('input', { name: 'label',
      placeholder: 'originator=GBR;tlp=AMBER', spellcheck: 'false' }))),
  ];
  const form = h('form', { class: 'filters', 'aria-label': 'Start a screening' }, choice, fields,
    h('button', { type: 'submit' }, 'Start screening'));
  const progress = h('div', { class: 'progress', 'aria-live': 'polite' });
  const show = selected => {
    note.textContent = KINDS[selected].note;
    for (const field of fields) {
      field.hidden = !field.dataset.kinds.split(' ').includes(selected);
    }
    const window = form.elements.windowHours;
    form.elements.start.placeholder = selected === 'oem' ? 'blank: the start of the ephemeris' : '2024-07-05T00:00:00Z';
    window.placeholder = selected === 'oem' ? 'blank: to the end of the ephemeris' : '';
    if (selected === 'oem' && window.value === DEFAULT_WINDOW_HOURS) {
      window.value = '';
    } else if (selected !== 'oem' && !window.value) {
      window.value = DEFAULT_WINDOW_HOURS;
    }
  };
  choice.addEventListener('change', () => show(form.elements.kind.value));
  main.append(form, note, progress);
  show(kind);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    progress.replaceChildren();
    try {
      const selected = form.elements.kind.value;
      if (selected === 'oem') {
        await screenUpload(form.elements, progress, go);
      } else {
        await follow(await api.post('/api/v1/screenings', request(form.elements, selected === 'one')), progress, go);
      }
    } catch (e) {
      progress.replaceChildren(errorBox(e));
    }
  });
  await listRuns(main, go);
}

function only(kinds, field) {
  field.dataset.kinds = kinds.join(' ');
  return field;
}

/** The body of POST /api/v1/screenings: the window in hours and the threshold in km as the API's seconds and metres. */
function request(f, oneObject) {
  const body = {
    start: f.start.value.trim(),
    windowSeconds: Math.round(Number(f.windowHours.value) * 3600),
    thresholdMeters: Number(f.thresholdKm.value) * 1000,
  };
  if (oneObject) {
    body.primaryNoradId = Number(f.primaryNoradId.value);
  }
  return body;
}

/** The OEM as uploaded; the node screens it in the request, so the page counts the seconds until it answers. */
async function screenUpload(f, progress, go) {
  const file = f.file.files[0];
  if (!file) {
    progress.replaceChildren(errorBox({ message: 'choose the OEM file to screen' }));
    return;
  }
  const params = { name: file.name, label: f.label.value.trim(), start: f.start.value.trim(),
    thresholdMeters: String(Number(f.thresholdKm.value) * 1000) };
  if (f.windowHours.value.trim()) {
    params.windowSeconds = String(Math.round(Number(f.windowHours.value) * 3600));
  }
  const began = Date.now();
  const text = h('span', {}, 'screening ' + file.name + ' against the catalog…');
  progress.replaceChildren(h('p', {}, text));
  const ticker = setInterval(() => {
    text.textContent = 'screening ' + file.name + ' against the catalog: ' + duration((Date.now() - began) / 1000);
  }, 1000);
  try {
    const result = await api.postBytes('/api/v1/screenings/ephemeris', params, await file.arrayBuffer());
    go('conjunctions', { runId: result.run.id, sort: '-pc' });
  } finally {
    clearInterval(ticker);
  }
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
