// Pieces shared by the product charts drawn as SVG: a time axis with ticks on round UTC steps, and an affine scale.
import { svg } from './ui.js';

const SECOND = 1e3;
const MINUTE = 60e3;
const HOUR = 3600e3;
const DAY = 24 * HOUR;
/** Candidate tick steps, smallest first: the first that gives at most the wanted number of ticks is used. */
const STEPS = [SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR,
  3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];

/** The affine map of [d0, d1] onto [r0, r1] (the middle of the range when the domain is one value). */
export function linear(d0, d1, r0, r1) {
  return v => d1 === d0 ? (r0 + r1) / 2 : r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

/**
 * Ticks between two instants (milliseconds) on a round UTC step (whole seconds, minutes, hours or days from the Unix
 * epoch), at most about `count` of them; each {value, text} with the text as short as the step allows.
 */
export function timeTicks(t0, t1, count) {
  const step = STEPS.find(s => (t1 - t0) / s <= count) || STEPS[STEPS.length - 1];
  const ticks = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const iso = new Date(t).toISOString();
    const text = step < MINUTE ? iso.substring(11, 19) + 'Z'
      : step < DAY ? iso.substring(5, 10) + ' ' + iso.substring(11, 16) + 'Z' : iso.substring(0, 10);
    ticks.push({ value: t, text });
  }
  return ticks;
}

/**
 * A horizontal time axis at y = bottom from x(t0) to x(t1), its ticks and its label; a span too short for a whole
 * second between its ends has its two ends as ticks, to the millisecond.
 */
export function timeAxis(x, t0, t1, bottom, label, count = 8) {
  const ticks = timeTicks(t0, t1, count);
  const shown = ticks.length ? ticks : [t0, t1].map(t => ({ value: t, text: new Date(t).toISOString() }));
  return svg('g', { class: 'axis x' },
    svg('line', { x1: x(t0), x2: x(t1), y1: bottom, y2: bottom }),
    ...shown.map(t => svg('g', { class: 'tick', 'data-value': t.value },
      svg('line', { x1: x(t.value), x2: x(t.value), y1: bottom, y2: bottom + 5 }),
      svg('text', { x: x(t.value), y: bottom + 18, 'text-anchor': 'middle' }, t.text))),
    svg('text', { class: 'label', x: (x(t0) + x(t1)) / 2, y: bottom + 38, 'text-anchor': 'middle' }, label));
}
