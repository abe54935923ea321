// Small DOM and formatting helpers shared by the views: elements are built node by node (no HTML strings, so no
// data can become markup), every number carries its unit, every time is UTC with its age beside it.

/** An element: h('td', {class: 'num'}, 'text', child, ...); attributes starting with 'on' are listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k.startsWith('on')) {
      el.addEventListener(k.substring(2), v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, v);
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c !== undefined && c !== null && c !== false) {
      el.append(c instanceof Node ? c : String(c));
    }
  }
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element: svg('path', {d: ..., class: 'line'}, child, ...); text children become its text. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    el.setAttribute(k, v);
  }
  for (const c of children) {
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** '2024-07-05 00:55:11Z' */
export function utc(instant) {
  if (!instant) {
    return '—';
  }
  return instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** A duration in seconds as its largest sensible unit: '45 s', '12 min', '5.2 h', '3.1 d'. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '—';
  }
  const s = Math.abs(seconds);
  if (s < 90) {
    return Math.round(s) + ' s';
  }
  if (s < 5400) {
    return Math.round(s / 60) + ' min';
  }
  if (s < 172800) {
    return (s / 3600).toFixed(1) + ' h';
  }
  return (s / 86400).toFixed(1) + ' d';
}

/** How long ago (or ahead) an instant is from now. */
export function age(instant) {
  if (!instant) {
    return '';
  }
  const seconds = (Date.now() - Date.parse(instant)) / 1000;
  return seconds >= 0 ? duration(seconds) + ' ago' : 'in ' + duration(-seconds);
}

/** A UTC time with its age beside it, as one cell's content. */
export function timeWithAge(instant) {
  return [h('time', { datetime: instant }, utc(instant)), ' ', h('span', { class: 'age' }, '(' + age(instant) + ')')];
}

export function km(meters, digits = 3) {
  return meters === null || meters === undefined ? '—' : (meters / 1000).toFixed(digits) + ' km';
}

export function meters(value) {
  return value === null || value === undefined ? '—' : Math.round(value).toLocaleString('en') + ' m';
}

export function speed(metersPerSecond) {
  return metersPerSecond === null || metersPerSecond === undefined ? '—'
    : (metersPerSecond / 1000).toFixed(2) + ' km/s';
}

/** A probability in scientific notation; '0' stays '0'. */
export function pc(p) {
  if (p === null || p === undefined) {
    return '—';
  }
  return p === 0 ? '0' : p.toExponential(2);
}

const PC_KINDS = { MEASURED: 'measured', ASSUMED: 'assumed', ESTIMATED: 'estimated', MAXIMUM: 'maximum' };

/**
 * The kind of a Pc as the console names it: measured (covariance given), assumed (a model), estimated (from the
 * element-set histories, not measured), maximum.
 */
export function pcKind(risk) {
  return risk ? PC_KINDS[risk.covarianceSource] || risk.covarianceSource.toLowerCase() : '';
}

/** Critical (Pc at least 1e-4), watch (at least 1e-6) or nothing: the row's marking. */
export function severity(risk) {
  if (!risk) {
    return '';
  }
  if (risk.probability >= 1e-4) {
    return 'critical';
  }
  return risk.probability >= 1e-6 ? 'watch' : '';
}

/** The label as a visible marking: the TLP colour and the releasability, caveats and expiry in its title. */
export function labelBadge(label) {
  if (!label) {
    return h('span', { class: 'tlp' }, 'no label');
  }
  const tlp = label.tlp.replace('TLP:', '');
  const title = ['originator ' + label.originator, label.releasability]
    .concat(label.caveats.length ? ['caveats ' + label.caveats.join(', ')] : [])
    .concat(label.expires ? ['expires ' + utc(label.expires)] : []).join('; ');
  return h('span', { class: 'marking', title },
    h('span', { class: 'tlp tlp-' + tlp.toLowerCase().replace('+', '-') }, 'TLP:' + tlp), ' ',
    h('span', { class: 'rel' }, label.releasability));
}

/** An error as the API phrased it, with its item errors (file, line, field). */
export function errorBox(error) {
  const box = h('div', { class: 'error', role: 'alert' }, h('strong', {}, error.status ? error.status + ': ' : ''),
    error.message);
  if (error.errors && error.errors.length) {
    box.append(h('ul', {}, error.errors.map(e => h('li', {},
      [e.file, e.line ? 'line ' + e.line : null, e.field, e.reason].filter(Boolean).join(' · ')))));
  }
  return box;
}

/** An empty state that says why it is empty. */
export function empty(reason) {
  return h('p', { class: 'empty' }, reason);
}

/** A definition list from [term, value] pairs (value: text, node or array of them). */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/**
 * Makes a table's body rows keyboard navigable: each row is focusable, arrow keys, Home and End move, Enter opens.
 */
export function navigableRows(tbody, open) {
  const rows = () => Array.from(tbody.querySelectorAll('tr[data-key]'));
  for (const row of rows()) {
    row.tabIndex = 0;
    row.addEventListener('click', () => open(row.dataset.key));
  }
  tbody.addEventListener('keydown', event => {
    const all = rows();
    const i = all.indexOf(document.activeElement);
    if (i < 0) {
      return;
    }
    const move = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, move))].focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(all[i].dataset.key);
    }
  });
}

/**
 * Previous and next page of a list the API pages with an opaque cursor: the next page is the view with the answer's
 * nextCursor; the previous one is the page before in the tab's history, since a cursor only goes forward.
 */
export function pager(view, current, nextCursor, go) {
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', disabled: !current.cursor, onclick: () => history.back() }, '← Previous'),
    h('button', { type: 'button', disabled: !nextCursor, onclick: () => go(view,
      Object.assign({}, current, { cursor: nextCursor })) }, 'Next →'));
}

/**
 * An object as a link to its page: its catalog number and, when the caller may see it, its name (the API names the
 * objects of a conjunction as the catalog shows them to the caller, and leaves out a name the caller may not see).
 */
export function objectLink(noradId, name) {
  return h('a', { href: '#/object?id=' + noradId, onclick: e => e.stopPropagation() }, String(noradId),
    name ? h('span', { class: 'name' }, ' ' + name) : null);
}

/** An agreement's state now: revoked, not yet in force, expired or in force. */
export function agreementState(agreement) {
  const now = Date.now();
  if (agreement.revokedAt) {
    return 'revoked ' + utc(agreement.revokedAt);
  }
  if (Date.parse(agreement.validFrom) > now) {
    return 'not yet in force';
  }
  return agreement.validTo && Date.parse(agreement.validTo) <= now ? 'expired' : 'in force';
}

/** A section with a heading and a table of the items (one row each, cells(item) its cells), or why it is empty. */
export function sectionTable(caption, headings, items, cells, emptyReason) {
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

/**
 * A table view's filter form: one labelled text field per [name, text, placeholder], holding the view's current
 * values; submitting goes to the view with the fields' values and its other current parameters (the sort, another
 * form's fields), from the first page.
 */
export function filterForm(view, caption, fields, current, go) {
  const form = h('form', { class: 'filters', 'aria-label': caption },
    fields.map(([name, text, placeholder]) => h('label', {}, text,
      h('input', { name, value: current[name] || '', placeholder, spellcheck: 'false' }))),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = Object.assign({}, current, { cursor: null });
    for (const [name] of fields) {
      next[name] = form.elements[name].value.trim();
    }
    go(view, next);
  });
  return form;
}

/**
 * The API's query for one page of a table view (sorted by highest Pc unless the view says otherwise), with the view's
 * filters of the given names; a miss distance is typed in kilometres (maxMissKm) and the API takes metres.
 */
export function pageQuery(params, names, size) {
  const q = { sort: params.get('sort') || '-pc', limit: size, cursor: params.get('cursor') };
  for (const k of names.filter(n => n !== 'maxMissKm')) {
    q[k] = params.get(k);
  }
  const maxMissKm = params.get('maxMissKm');
  if (maxMissKm) {
    q.maxMissMeters = String(Number(maxMissKm) * 1000);
  }
  return q;
}

/** A column heading's button that shows the view sorted by one of the API's orders (a new sort starts a new page). */
export function sortButton(view, current, sort, key, text, go) {
  return h('button', { type: 'button', class: 'sort', 'aria-pressed': String(sort === key),
    onclick: () => go(view, Object.assign({}, current, { sort: key, cursor: null })) },
  text + (sort === key ? ' ▼' : ''));
}
