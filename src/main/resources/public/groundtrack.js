// A 2D ground track on a world map (d3-geo, topojson-client and Natural Earth land from world-atlas, vendored).
// The track is drawn as a GeoJSON line on the sphere, so d3-geo cuts it where it crosses the antimeridian instead of
// drawing a line across the whole map.
import { svg } from './ui.js';

let land = null;

/** An SVG map of the samples ({time, latitudeDegrees, longitudeDegrees}), marking the first one. */
export async function groundTrack(samples, caption) {
  const d3 = window.d3;
  if (!land) {
    const world = await (await fetch('/console/vendor/land-110m.json')).json();
    land = window.topojson.feature(world, world.objects.land);
  }
  const width = 960;
  const height = 480;
  const projection = d3.geoEquirectangular().fitSize([width, height], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const map = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, class: 'map', role: 'img',
    'aria-label': caption });
  map.append(svg('path', { d: path({ type: 'Sphere' }), class: 'sea' }));
  map.append(svg('path', { d: path(d3.geoGraticule10()), class: 'graticule' }));
  map.append(svg('path', { d: path(land), class: 'land' }));
  const coordinates = samples.map(s => [s.longitudeDegrees, s.latitudeDegrees]);
  map.append(svg('path', { d: path({ type: 'LineString', coordinates }), class: 'track' }));
  if (coordinates.length) {
    const [x, y] = projection(coordinates[0]);
    map.append(svg('circle', { cx: x, cy: y, r: 5, class: 'start' }));
  }
  const title = svg('title', {});
  title.textContent = caption;
  map.prepend(title);
  return map;
}
