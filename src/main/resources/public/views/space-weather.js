// Space weather: the conditions now, the Kp of a window as 3-hour bars coloured by their NOAA G level (predicted bars
// marked, the G1-G5 thresholds drawn), the daily F10.7, and the alerts (SWPC's messages and the node's own), one
// server page at a time. The G level of each interval is the node's (docs/space-weather.md); the page only draws it.
import * as api from '../api.js';
import { h, svg, utc, timeWithAge, duration, labelBadge, empty, facts, pager, filterForm } from '../ui.js';
import { linear, timeAxis } from '../charts.js';

export const title = 'Space weather';
export const nav = 'Space weather';

const PAGE = 25;
const DAY = 86400e3;
const DEFAULT_DAYS = 7;
const WIDTH = 960;
const HEIGHT = 300;
const MARGIN = { top: 14, right: 96, bottom: 52, left: 56 };
/** NOAA's G-scale: the level reached at each whole Kp, and its name. */
const G_LEVELS = [[5, 'G1', 'minor'], [6, 'G2', 'moderate'], [7, 'G3', 'strong'], [8, 'G4', 'severe'],
  [9, 'G5', 'extreme']];
const STATUSES = 'observed, interpolated and estimated values are measured; daily-predicted and monthly-predicted'
  + ' ones are forecasts';

export async function render(main, params, { go }) {
  const current = Object.fromEntries(params);
  const [now, newestObserved, newestAny] = await Promise.all([api.get('/api/v1/space-weather/now'),
    api.get('/api/v1/space-weather/indices', { sort: '-day', limit: 1, status: 'observed' }),
    api.get('/api/v1/space-weather/indices', { sort: '-day', limit: 1 })]);
  const newest = newestObserved.items[0] || newestAny.items[0];
  main.append(conditions(now));

  const kpSection = h('section', {}, h('h2', {}, 'Kp and the NOAA G-scale'));
  kpSection.append(filterForm('space-weather', 'Kp window', [['from', 'From (UTC)', 'e.g. 2024-05-08'],
    ['to', 'To (UTC)', 'now']], current, go));
  main.append(kpSection);
  // the window as the node reads it (blank: the last 7 days), so that a value it refuses is refused in its words
  const kp = await api.get('/api/v1/space-weather/kp', { from: params.get('from'), to: params.get('to') });
  const from = Date.parse(kp.from);
  const to = Date.parse(kp.to);
  const span = to - from;
  const shifted = by => '#/space-weather' + api.query(Object.assign({}, current, { cursor: null,
    from: iso(from + by), to: iso(to + by) }));
  kpSection.append(h('p', { class: 'summary' }, 'From ', timeWithAge(kp.from), ' to ', timeWithAge(kp.to), ': '
    + kp.kp.length + ' interval' + (kp.kp.length === 1 ? '' : 's') + ' of ' + duration(kp.intervalSeconds)
    + ' you may see (' + STATUSES + '). ', h('a', { href: shifted(-span), class: 'earlier' }, '← earlier'), ' · ',
  h('a', { href: shifted(span), class: 'later' }, 'later →')));
  if (kp.kp.length) {
    kpSection.append(kpChart(kp), legend());
  } else {
    kpSection.append(empty(noData('Kp', newest)));
  }

  const fluxSection = h('section', {}, h('h2', {}, 'F10.7 solar flux'));
  if (kp.f107Days.some((d, i) => kp.f107ObsSfu[i] !== null)) {
    fluxSection.append(fluxChart(kp));
  } else {
    fluxSection.append(empty(noData('F10.7', newest)));
  }
  main.append(fluxSection);
  main.append(await alerts(params, current, { from: kp.from, to: kp.to }, now, go));
}

function iso(ms) {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** Kp as NOAA writes it, in thirds: 4.67 is 5-, 5 is 5o, 5.33 is 5+. */
export function thirds(kp) {
  const n = Math.round(kp * 3);
  const whole = Math.round(n / 3);
  return whole + ['-', 'o', '+'][n - whole * 3 + 1];
}

function kpText(k) {
  return 'Kp ' + thirds(k.kp) + ' (' + k.kp.toFixed(2) + ')' + (k.gScale ? ', ' + k.gScale : ', below G1')
    + (k.ap === null ? '' : ', ap ' + k.ap + ' nT');
}

function conditions(now) {
  const highestPredicted = now.predictedKp.reduce((a, k) => (!a || k.kp > a.kp ? k : a), null);
  const scales = ['G', 'S', 'R'].map(s => now.noaaScales[s] || s + '0').join(' · ');
  return h('section', { class: 'cards now' },
    h('div', { class: 'card' }, h('h2', {}, 'Geomagnetic activity'), facts([
      ['Latest measured Kp', now.kp ? [kpText(now.kp), ' for the 3 h from ', timeWithAge(now.kp.start), ', ',
        now.kp.status, ' (', now.kp.source, ')'] : 'none you may see in the last 3 days'],
      ['Highest predicted, next 24 h', highestPredicted ? [kpText(highestPredicted), ' at ',
        timeWithAge(highestPredicted.start), ', ', highestPredicted.status] : 'no prediction you may see'],
      ['NOAA scales now', [scales, h('span', { class: 'age' }, ' (G from the latest Kp and the alerts in force;'
        + ' S and R from the alerts in force; 0: none reported)')]]])),
    h('div', { class: 'card' }, h('h2', {}, 'Solar flux'), facts([
      ['Latest measured F10.7', now.f107 ? [now.f107.f107ObsSfu.toFixed(1) + ' sfu on ' + now.f107.day,
        now.f107.f107ObsCtr81Sfu === null ? '' : ' (81-day centred mean ' + now.f107.f107ObsCtr81Sfu.toFixed(1)
          + ' sfu)', ', ', now.f107.status, ' (', now.f107.source, ')'] : 'none you may see'],
      ['Alerts in force', String(now.alertsInForce.length)],
      ['As of', timeWithAge(now.at)]])));
}

/**
 * Why a window has no values: what the node holds that the caller may see (its newest observed day, else its newest
 * day), and a link to the week around its end (with the predictions that follow it, if any).
 */
function noData(what, newestDay) {
  if (!newestDay) {
    return 'No ' + what + ' in this window: this node holds no space-weather indices you may see (none ingested,'
      + ' or none released to you; anonymous callers see public TLP:CLEAR data only).';
  }
  const last = Date.parse(newestDay.dayStart) + DAY;
  const observed = newestDay.status === 'observed' ? 'observed ' : '';
  const text = 'No ' + what + ' you may see in this window: the newest ' + observed + 'day of indices you may see is '
    + newestDay.dayStart.substring(0, 10) + ' (' + newestDay.status + ', from ' + newestDay.source + '). ';
  const around = { from: iso(last - (DEFAULT_DAYS - 2) * DAY), to: iso(last + 2 * DAY) };
  return [h('span', {}, text), h('a', { href: '#/space-weather' + api.query(around), class: 'newest-window' },
    'Show the ' + DEFAULT_DAYS + ' days around it')];
}

function kpChart(kp) {
  const t0 = Date.parse(kp.from);
  const t1 = Date.parse(kp.to);
  const bottom = HEIGHT - MARGIN.bottom;
  const x = linear(t0, t1, MARGIN.left, WIDTH - MARGIN.right);
  const y = linear(0, 9, bottom, MARGIN.top);
  const width = Math.max(1, x(t0 + kp.intervalSeconds * 1000) - x(t0) - 1);
  const chart = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'chart chart-kp', role: 'img',
    'aria-label': 'Planetary Kp in 3-hour intervals, coloured by NOAA G level: ' + kp.kp.length + ' intervals' },
  svg('title', {}, 'Planetary Kp, 3-hour intervals'));
  chart.append(svg('g', { class: 'axis y' },
    svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom }),
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(v => svg('g', { class: 'tick' },
      svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
      svg('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)))),
    svg('text', { class: 'label', transform: 'translate(16 ' + (MARGIN.top + bottom) / 2 + ') rotate(-90)',
      'text-anchor': 'middle' }, 'Kp (0–9, dimensionless)')));
  const bars = svg('g', { class: 'bars' });
  kp.start.forEach((start, i) => {
    const t = Date.parse(start);
    const predicted = kp.status[i].endsWith('predicted');
    const level = kp.gScale[i] || 'G0';
    bars.append(svg('rect', { class: 'bar ' + level.toLowerCase() + (predicted ? ' predicted' : ''),
      x: x(t).toFixed(1), y: y(kp.kp[i]).toFixed(1), width: width.toFixed(1),
      height: Math.max(0.5, bottom - y(kp.kp[i])).toFixed(1), 'data-start': start, 'data-kp': kp.kp[i],
      'data-g': kp.gScale[i], 'data-status': kp.status[i] },
    svg('title', {}, utc(start) + ' + 3 h: ' + kpText({ kp: kp.kp[i], gScale: kp.gScale[i], ap: kp.ap[i] })
      + ', ' + kp.status[i])));
  });
  chart.append(bars);
  for (const [level, name, word] of G_LEVELS) {
    chart.append(svg('g', { class: 'threshold g-threshold', 'data-value': level },
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(level), y2: y(level) }),
      svg('text', { x: WIDTH - MARGIN.right + 4, y: y(level) + 4 }, name + ' ' + word)));
  }
  const nowT = Date.now();
  if (nowT > t0 && nowT < t1) {
    chart.append(svg('g', { class: 'now-line' }, svg('line', { x1: x(nowT), x2: x(nowT), y1: MARGIN.top,
      y2: bottom }), svg('text', { x: x(nowT) + 3, y: MARGIN.top + 10 }, 'now')));
  }
  chart.append(timeAxis(x, t0, t1, bottom, 'Start of the 3-hour interval (UTC)'));
  return h('figure', {}, h('figcaption', {}, 'Planetary Kp, 3-hour intervals: a bar is G1 from Kp 5o (5- is below'
    + ' it), G5 at 9o; pale, dashed bars are predicted.'), chart);
}

function legend() {
  return h('p', { class: 'legend' }, [['g0', 'below G1'], ...G_LEVELS.map(([kp, name, word]) =>
    [name.toLowerCase(), name + ' ' + word + ' (Kp ' + kp + 'o' + (kp < 9 ? '–' + (kp + 1) + '-' : '') + ')'])]
    .map(([cls, text]) => h('span', { class: 'key' }, h('span', { class: 'swatch ' + cls }), text)),
  h('span', { class: 'key' }, h('span', { class: 'swatch g0 predicted' }), 'predicted'));
}

function fluxChart(kp) {
  const days = kp.f107Days.map((d, i) => ({ t: Date.parse(d) + DAY / 2, sfu: kp.f107ObsSfu[i], day: d,
    status: kp.f107Status[i] })).filter(d => d.sfu !== null);
  const t0 = Date.parse(kp.from);
  const t1 = Date.parse(kp.to);
  const bottom = 220 - 52;
  const top = Math.ceil(Math.max(...days.map(d => d.sfu)) * 1.1 / 50) * 50;
  const x = linear(t0, t1, MARGIN.left, WIDTH - MARGIN.right);
  const y = linear(0, top, bottom, MARGIN.top);
  const chart = svg('svg', { viewBox: '0 0 ' + WIDTH + ' 220', class: 'chart chart-f107', role: 'img',
    'aria-label': 'Daily F10.7 solar flux: ' + days.length + ' days' }, svg('title', {}, 'F10.7 solar flux'));
  const yTicks = window.d3.ticks(0, top, 4);
  chart.append(svg('g', { class: 'axis y' },
    svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom }),
    ...yTicks.map(v => svg('g', { class: 'tick' },
      svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
      svg('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)))),
    svg('text', { class: 'label', transform: 'translate(16 ' + (MARGIN.top + bottom) / 2 + ') rotate(-90)',
      'text-anchor': 'middle' }, 'F10.7 (sfu)')));
  chart.append(svg('path', { class: 'line', d: days.map((d, i) => (i ? 'L' : 'M') + x(d.t).toFixed(1) + ','
    + y(d.sfu).toFixed(1)).join('') }));
  for (const d of days) {
    chart.append(svg('circle', { class: 'point' + (d.status.endsWith('predicted') ? ' predicted' : ''),
      cx: x(d.t).toFixed(1), cy: y(d.sfu).toFixed(1), r: 3.5 },
    svg('title', {}, d.day + ': ' + d.sfu.toFixed(1) + ' sfu, ' + d.status)));
  }
  chart.append(timeAxis(x, t0, t1, bottom, 'Day (UTC)'));
  return h('figure', {}, h('figcaption', {}, 'Daily observed F10.7 at 10.7 cm, in solar flux units (1 sfu = 10⁻²²'
    + ' W m⁻² Hz⁻¹); hollow points are predicted.'), chart);
}

const ORIGINS = { swpc: 'SWPC', node: 'this node or a partner node' };

/** The alerts issued in the window, newest first, one page at a time; each message's place in its lifecycle. */
async function alerts(params, current, window, now, go) {
  const section = h('section', {}, h('h2', {}, 'Alerts'));
  section.append(filterForm('space-weather', 'Filter alerts', [['origin', 'Origin', 'swpc or node'],
    ['scale', 'NOAA scale', 'e.g. G4'], ['code', 'Message code', 'e.g. ALTK07']], current, go));
  const page = await api.get('/api/v1/space-weather/alerts', { sort: '-issued', limit: PAGE,
    cursor: params.get('cursor'), origin: params.get('origin'), scale: params.get('scale'),
    code: params.get('code'), from: window.from, to: window.to });
  const inForce = new Map(now.alertsInForce.filter(a => a.serialNumber !== null)
    .map(a => [a.origin + '|' + a.serialNumber, a]));
  section.append(h('p', { class: 'summary' }, page.total + ' alert' + (page.total === 1 ? '' : 's')
    + ' issued in this window that you may see, newest first: SWPC\'s messages as issued (an extension or'
    + ' cancellation is a message of its own, naming the serial it changes) and the G-level and F10.7 alerts a node raised from its indices.'));
  if (!page.items.length) {
    section.append(empty(['origin', 'scale', 'code'].some(k => current[k])
      ? 'No alert issued in this window matches these filters among those you may see.'
      : 'No alerts issued in this window that you may see: no SWPC alert of these days has been ingested and no'
        + ' ingested indices of these days crossed the node\'s thresholds, or none is released to you (anonymous'
        + ' callers see public TLP:CLEAR data only).'));
    return section;
  }
  const bySerial = new Map(page.items.filter(a => a.serialNumber !== null).map(a => [a.serialNumber, a]));
  section.append(h('table', { class: 'data', 'aria-label': 'Space-weather alerts' },
    h('thead', {}, h('tr', {}, ['Issued (UTC)', 'Origin', 'Code, serial', 'Headline', 'Scale', 'Period (UTC)',
      'Lifecycle', 'Label'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, page.items.map(a => h('tr', { class: 'alert ' + (a.scale || '').toLowerCase(),
      'data-serial': a.serialNumber },
    h('td', {}, timeWithAge(a.issuedAt)),
    h('td', {}, ORIGINS[a.origin] || a.origin),
    h('td', {}, a.messageCode, a.serialNumber === null ? '' : ' #' + a.serialNumber),
    h('td', {}, a.headline),
    h('td', {}, a.scale || '—'),
    h('td', {}, period(a)),
    h('td', {}, lifecycle(a, bySerial, inForce.get(a.origin + '|' + a.serialNumber))),
    h('td', {}, labelBadge(a.label)))))),
  pager('space-weather', current, page.nextCursor, go));
  return section;
}

function period(a) {
  if (!a.beginsAt && !a.endsAt) {
    return '—';
  }
  return [a.beginsAt ? utc(a.beginsAt) : 'from issue', ' → ', a.endsAt ? utc(a.endsAt) : 'no end given'];
}

/**
 * What the message does to another (extends or cancels it), and what became of it: in force now (as the node's
 * conditions say, with its end as later messages left it), or changed by a message on this page.
 */
function lifecycle(a, bySerial, inForce) {
  const parts = [];
  if (a.change === 'extension') {
    parts.push('extends #' + a.refersToSerial);
  } else if (a.change === 'cancellation') {
    parts.push('cancels #' + a.refersToSerial);
  }
  if (inForce) {
    parts.push(h('strong', {}, 'in force'), inForce.endsAt ? ' until ' + utc(inForce.endsAt) : '');
  }
  for (const later of bySerial.values()) {
    if (a.serialNumber !== null && later.refersToSerial === a.serialNumber && later !== a) {
      parts.push(' ' + (later.change === 'cancellation' ? 'cancelled' : 'extended') + ' by #' + later.serialNumber
        + ' (' + utc(later.issuedAt) + ')');
    }
  }
  return parts.length ? parts : 'issued';
}
