// The globe (CesiumJS, vendored, loaded only when this view opens): every object the caller may see as a point at
// one instant, the selected objects with their path over one revolution. The points are propagated in the browser
// (satellite.js SGP4) from the newest element sets GET /api/v1/elements gives the caller as OMM JSON, one answer for
// the whole catalog; the selected objects' paths come from the node's own ephemeris API (Orekit). Nothing is asked of
// any other host: the imagery is the Natural Earth II that CesiumJS ships, on the plain ellipsoid, with no ion token.
import * as api from '../api.js';
import { h, empty, utc, age, timeWithAge, errorBox } from '../ui.js';

export const title = 'Globe';
export const nav = 'Globe';

const BASE = '/console/cesium/';
const MAX_SELECTED = 10;
let library = null;

/** Whether this browser can draw WebGL at all: without it the globe says so, and every other view still works. */
function webgl() {
  const canvas = document.createElement('canvas');
  return !!(canvas.getContext('webgl2') || canvas.getContext('webgl'));
}

function script(src) {
  return new Promise((resolve, reject) => {
    const el = h('script', { src });
    el.addEventListener('load', resolve);
    el.addEventListener('error', () => reject(new Error('could not load ' + src)));
    document.head.append(el);
  });
}

/** CesiumJS and satellite.js, once per page: CESIUM_BASE_URL tells CesiumJS where its workers and imagery are. */
function load() {
  if (!library) {
    window.CESIUM_BASE_URL = BASE;
    // CesiumJS's one-file build carries its web workers as text (set as CESIUM_WORKERS) and starts them from blob:
    // URLs, which the console's Content-Security-Policy refuses; with that text kept out it starts the same workers
    // from its Workers/ folder, as modules of the node's own origin
    Object.defineProperty(window, 'CESIUM_WORKERS', { get: () => undefined, set: () => {}, configurable: false });
    document.head.append(h('link', { rel: 'stylesheet', href: BASE + 'Widgets/CesiumWidget/CesiumWidget.css' }));
    library = Promise.all([script(BASE + 'Cesium.js'), script('/console/vendor/satellite.min.js')]);
  }
  return library;
}

export async function render(main, params, { go }) {
  const status = h('p', { class: 'summary', 'aria-live': 'polite' });
  if (!webgl()) {
    main.append(empty('The globe needs WebGL, which this browser does not offer (or has switched off); every other'
      + ' view works without it.'));
    return;
  }
  const selected = (params.get('ids') || '').split(',').map(s => s.trim()).filter(Boolean).slice(0, MAX_SELECTED);
  const form = h('form', { class: 'filters', 'aria-label': 'Globe' },
    h('label', {}, 'Selected objects (catalog numbers, comma-separated)',
      h('input', { name: 'ids', value: selected.join(','), placeholder: 'e.g. 25544,48274' })),
    h('label', {}, 'At (UTC; blank: now, or the newest element epoch if older)',
      h('input', { name: 'at', value: params.get('at') || '', placeholder: '2024-07-05T12:00:00Z' })),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    go('globe', { ids: form.elements.ids.value.replace(/\s+/g, ''), at: form.elements.at.value.trim() });
  });
  const container = h('div', { class: 'globe', id: 'globe' });
  const picked = h('div', { class: 'picked', 'aria-live': 'polite' });
  main.append(form, status, container, picked);
  main.dataset.globe = 'loading';
  // the parts of the time to ready, as performance marks (scripts/bench-console reads them)
  const began = performance.mark('globe-start').startTime;

  status.textContent = 'Loading the globe and the element sets you may see…';
  // the globe is made (and starts loading its imagery) as soon as the library is here, while the element sets are
  // still coming: the two waits overlap instead of adding up
  const elementSets = api.get('/api/v1/elements', { format: 'omm-json' });
  await load();
  performance.mark('globe-library');
  const Cesium = window.Cesium;
  const satellite = window.satellite;

  const widget = new Cesium.CesiumWidget(container, {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(Cesium.TileMapServiceImageryProvider.fromUrl(
      Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    skyBox: false,
    skyAtmosphere: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
  });
  // the page keeps one WebGL context at most: leaving the view (or showing it anew) releases this one
  window.addEventListener('hashchange', () => widget.destroy(), { once: true });
  const scene = widget.scene;
  scene.globe.enableLighting = false;
  const imagery = tilesLoaded(scene);

  const elements = await elementSets;
  performance.mark('globe-loaded');
  if (widget.isDestroyed()) {
    return;
  }
  const at = instant(params.get('at'), elements);

  const points = scene.primitives.add(new Cesium.PointPrimitiveCollection());
  const byId = new Map();
  let failed = 0;
  const gmst = satellite.gstime(at);
  for (const omm of elements) {
    const position = ecef(satellite, omm, at, gmst);
    if (!position) {
      failed++;
      continue;
    }
    const id = Number(omm.NORAD_CAT_ID);
    byId.set(id, { omm, position: new Cesium.Cartesian3(position.x * 1000, position.y * 1000, position.z * 1000) });
    points.add({ position: byId.get(id).position, pixelSize: 3, color: Cesium.Color.fromCssColorString('#f0b400'),
      id });
  }

  performance.mark('globe-points');
  main.dataset.globePoints = String(byId.size);
  const paths = scene.primitives.add(new Cesium.PolylineCollection());
  const shown = [];
  for (const id of selected.map(Number)) {
    const object = byId.get(id);
    if (!object) {
      picked.append(errorBox({ message: 'object ' + id + ': no element set you may see, or none that propagates to '
        + utc(at.toISOString()) }));
      continue;
    }
    points.add({ position: object.position, pixelSize: 10, color: Cesium.Color.RED,
      outlineColor: Cesium.Color.WHITE, outlineWidth: 2, id });
    try {
      paths.add({ positions: await path(Cesium, id, object.omm, at), width: 2, material:
        Cesium.Material.fromType('Color', { color: Cesium.Color.RED }), id });
      shown.push(object);
    } catch (e) {
      picked.append(errorBox(e));
    }
  }
  if (shown.length) {
    widget.camera.lookAt(shown[0].position, new Cesium.HeadingPitchRange(0, -Math.PI / 2, 8e6));
    widget.camera.lookAtTransform(Cesium.Matrix4.IDENTITY);
  }

  const handler = new Cesium.ScreenSpaceEventHandler(scene.canvas);
  handler.setInputAction(click => {
    const hit = scene.pick(click.position);
    if (hit && byId.has(hit.id)) {
      describe(picked, hit.id, at, selected, go);
    }
  }, Cesium.ScreenSpaceEventType.LEFT_CLICK);

  status.textContent = byId.size + ' objects you may see, at ' + utc(at.toISOString()) + ' (' + age(at.toISOString())
    + '), propagated in this browser by SGP4 from their newest element sets'
    + (failed ? '; ' + failed + ' did not propagate to that time (decayed, or elements too old)' : '')
    + (shown.length ? '; in red, ' + shown.length + ' selected with their path over one revolution (Earth-fixed)'
      : '; select objects by catalog number above, or click a point')
    + '.';
  await imagery;
  // and a frame drawn since the points were added, with every tile
  await tilesLoaded(scene);
  main.dataset.globe = 'ready';
  main.dataset.globeSeconds = ((performance.mark('globe-ready').startTime - began) / 1000).toFixed(1);
}

/** Renders frames (the scene draws only on request) until one is drawn with every imagery tile loaded. */
function tilesLoaded(scene) {
  return new Promise(resolve => {
    const frame = () => {
      if (scene.globe.tilesLoaded) {
        scene.postRender.removeEventListener(frame);
        resolve();
      } else {
        scene.requestRender();
      }
    };
    scene.postRender.addEventListener(frame);
    scene.requestRender();
  });
}

/** The instant asked for; else now, or the newest element epoch when that is older (a catalog not kept current). */
function instant(text, elements) {
  if (text) {
    const t = new Date(text);
    if (Number.isNaN(t.getTime())) {
      throw new Error('at: "' + text + '" is not a UTC time such as 2024-07-05T12:00:00Z');
    }
    return t;
  }
  const newest = Math.max(...elements.map(e => Date.parse(e.EPOCH.endsWith('Z') ? e.EPOCH : e.EPOCH + 'Z')));
  return new Date(Math.min(Date.now(), Number.isFinite(newest) ? newest : Date.now()));
}

/** The Earth-fixed position in km, or null where SGP4 fails (decayed, elements out of range). */
function ecef(satellite, omm, at, gmst) {
  try {
    const state = satellite.propagate(satellite.json2satrec(omm), at);
    return state && state.position ? satellite.eciToEcf(state.position, gmst) : null;
  } catch (e) {
    return null;
  }
}

/** One revolution from `at`, sampled by the node's ephemeris API (Orekit), as Earth-fixed positions. */
async function path(Cesium, id, omm, at) {
  const periodMilliseconds = 86400000 / Number(omm.MEAN_MOTION);
  const e = await api.get('/api/v1/objects/' + id + '/ephemeris', { frame: 'geodetic', from: at.toISOString(),
    to: new Date(at.getTime() + periodMilliseconds).toISOString(), step: '60s' });
  return e.samples.map(s => Cesium.Cartesian3.fromDegrees(s.longitudeDegrees, s.latitudeDegrees, s.altitudeMeters));
}

/** The picked object as the catalog API describes it, with a way to show its path too. */
async function describe(picked, id, at, selected, go) {
  try {
    const o = await api.get('/api/v1/objects/' + id);
    const orbit = o.latestOrbit;
    picked.replaceChildren(h('p', { class: 'run', id: 'picked' },
      h('a', { href: '#/object?id=' + id }, id + ' ' + o.name), orbit ? [': ' + Math.round(orbit.perigeeAltitudeKm)
        + ' × ' + Math.round(orbit.apogeeAltitudeKm) + ' km, ' + orbit.inclinationDeg.toFixed(1)
        + '°, element epoch ', timeWithAge(orbit.epoch)] : null, '; shown at ' + utc(at.toISOString()) + '. ',
      selected.includes(String(id)) ? null : h('button', { type: 'button', onclick: () => go('globe',
        { ids: selected.concat([String(id)]).join(','), at: at.toISOString() }) }, 'Show its path')));
  } catch (e) {
    picked.replaceChildren(errorBox(e));
  }
}
