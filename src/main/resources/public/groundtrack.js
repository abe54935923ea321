// 2D maps: a ground track on a world map (d3-geo, topojson-client and Natural Earth 1:110m countries from
// world-atlas, vendored), optionally with states highlighted. Tracks are drawn as GeoJSON lines on the sphere, so
// d3-geo cuts them where they cross the antimeridian instead of drawing a line across the whole map.
import { svg } from './ui.js';

const WIDTH = 960;
const HEIGHT = 480;
let atlas = null;

/**
 * The land, and each state's shape with its ISO 3166-1 alpha-3 code (world-atlas names its countries by their ISO
 * numeric code; the vendored ISO table maps it), loaded once.
 */
async function world() {
  if (!atlas) {
    const [topology, codes] = await Promise.all([
      fetch('/console/vendor/countries-110m.json').then(r => r.json()),
      fetch('/console/vendor/iso-3166-codes.json').then(r => r.json())]);
    const alpha3 = new Map(codes.map(([, a3, numeric]) => [numeric, a3]));
    atlas = { land: window.topojson.feature(topology, topology.objects.land),
      states: window.topojson.feature(topology, topology.objects.countries).features
        .map(f => ({ feature: f, code: alpha3.get(f.id), name: f.properties.name })) };
  }
  return atlas;
}

/** An empty world map (sea, graticule, land) and its projection. */
function base(caption, land) {
  const d3 = window.d3;
  const projection = d3.geoEquirectangular().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const map = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'map', role: 'img',
    'aria-label': caption }, svg('title', {}, caption));
  map.append(svg('path', { d: path({ type: 'Sphere' }), class: 'sea' }));
  map.append(svg('path', { d: path(d3.geoGraticule10()), class: 'graticule' }));
  map.append(svg('path', { d: path(land), class: 'land' }));
  return { map, projection, path };
}

/** An SVG map of the samples ({time, latitudeDegrees, longitudeDegrees}), marking the first one. */
export async function groundTrack(samples, caption) {
  const { map, projection, path } = base(caption, (await world()).land);
  const coordinates = samples.map(s => [s.longitudeDegrees, s.latitudeDegrees]);
  map.append(svg('path', { d: path({ type: 'LineString', coordinates }), class: 'track' }));
  if (coordinates.length) {
    const [x, y] = projection(coordinates[0]);
    map.append(svg('circle', { cx: x, cy: y, r: 5, class: 'start' }));
  }
  return map;
}

/**
 * An SVG map of a GeoJSON line geometry (a LineString or MultiLineString in [longitude, latitude] degrees) with the
 * states of the given alpha-3 codes highlighted, each with its title (describe(code) gives the text); the codes
 * that have no shape on the 1:110m map (small islands and states) are in the answer's `notDrawn`, and the names of
 * those drawn in its `names` (code to name).
 */
export async function trackOverStates(geometry, highlighted, describe, caption) {
  const { states, land } = await world();
  const { map, path } = base(caption, land);
  const names = new Map();
  for (const state of states.filter(s => s.code && highlighted.has(s.code))) {
    names.set(state.code, state.name);
    map.append(svg('path', { d: path(state.feature), class: 'state overflown', 'data-state': state.code },
      svg('title', {}, state.name + ' (' + state.code + '): ' + describe(state.code))));
  }
  map.append(svg('path', { d: path(geometry), class: 'track' }));
  return { map, names, notDrawn: [...highlighted].filter(code => !names.has(code)) };
}
