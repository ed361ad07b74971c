// The Leaflet map of one level in its metric frame (or in WGS 84, frame.js): a light grid, the level's floor-plan
// image under everything, the nav graph (lanes and waypoints), places, chargers and elevator doors. Zones, robots and
// the zone editor add their own layers on top.
import * as L from './leaflet.js';
import { h, raw } from '../dom.js';
import { t } from '../i18n.js';
import { state, waypointIndex } from '../store.js';
import { toLatLng, inWgs84 } from './frame.js';

const GRID_METRES = 5;
const MARGIN_METRES = 4;

/** The map in the frame frame.js converts to now: the metric frame (CRS.Simple) or WGS 84 (Web Mercator, no tiles). */
export function createMap(element) {
  const frame = inWgs84() ? { crs: L.CRS.EPSG3857, minZoom: 12, maxZoom: 24 } : { crs: L.CRS.Simple, minZoom: -3, maxZoom: 6 };
  const map = L.map(element, {
    ...frame, zoomSnap: 0.25, zoomDelta: 0.5,
    attributionControl: false, boxZoom: false, zoomControl: false,
  });
  // Under the graph and the zones (overlayPane is 400): the floor-plan image.
  map.createPane('floorPlan').style.zIndex = 350;
  // Leaflet's own control titles are English; ours come from the dictionary.
  L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
  // Diagnostics and the browser tests find the map here (to turn metres into pixels for clicks).
  window.pgConsole = Object.assign(window.pgConsole || {}, { map });
  return map;
}

/** The extent of a level in metres, [[minX, minY], [maxX, maxY]]: its waypoints, with a margin. */
function levelExtent(level, margin = MARGIN_METRES) {
  const xs = level.waypoints.map((w) => w.x);
  const ys = level.waypoints.map((w) => w.y);
  if (xs.length === 0) return [[-10, -10], [10, 10]];
  return [[Math.min(...xs) - margin, Math.min(...ys) - margin], [Math.max(...xs) + margin, Math.max(...ys) + margin]];
}

/** The extent of a level on the map: its waypoints, with a margin so nothing sits on the edge. */
export function levelBounds(level) {
  const [[x0, y0], [x1, y1]] = levelExtent(level);
  return L.latLngBounds([[x0, y0], [x1, y0], [x1, y1], [x0, y1]].map(toLatLng));
}

/** Draws the level's fixed features into a new layer group, which the caller removes on a level switch. */
export function siteLayer(level, { onPlace } = {}) {
  const group = L.layerGroup();
  const [[x0, y0], [x1, y1]] = levelExtent(level);
  const pad = Math.max(x1 - x0, y1 - y0) / 2;
  grid([[x0 - pad, y0 - pad], [x1 + pad, y1 + pad]]).addTo(group);
  const waypoints = new Map(level.waypoints.map((w) => [w.id, w]));
  const lanes = L.layerGroup().addTo(group);
  for (const lane of level.lanes || []) {
    const a = waypoints.get(lane.from);
    const b = waypoints.get(lane.to);
    if (!a || !b) continue;
    L.polyline([toLatLng([a.x, a.y]), toLatLng([b.x, b.y])], {
      className: `lane lane-${(lane.kind || 'CORRIDOR').toLowerCase()}${lane.oneWay ? ' one-way' : ''}`,
      interactive: false,
    }).addTo(lanes);
  }
  for (const w of level.waypoints)
    L.circleMarker(toLatLng([w.x, w.y]), { radius: 2, className: 'waypoint', interactive: false }).addTo(group);

  const index = waypointIndex();
  const label = (cls, text, symbol) => L.divIcon({
    className: `site-label ${cls}`, iconSize: null,
    html: h('span', {}, symbol ? h('b', {}, symbol) : '', raw(text)),
  });
  for (const place of state.site.places || []) {
    if (place.level !== level.id) continue;
    const w = index.get(place.waypoint);
    if (!w) continue;
    // The label shows the name; no title, which would mix the name (data) into a translated sentence.
    L.marker(toLatLng([w.x, w.y]), { icon: label('place', place.name, '•'), keyboard: false })
      .on('click', () => onPlace?.(place)).addTo(group);
  }
  for (const charger of state.site.chargers || []) {
    if (charger.level !== level.id) continue;
    const w = index.get(charger.waypoint);
    if (!w) continue;
    L.marker(toLatLng([w.x, w.y]), { icon: label('charger', charger.name, '⚡'), keyboard: false })
      .on('click', () => onPlace?.(charger, 'charger')).addTo(group);
  }
  for (const elevator of state.site.elevators || []) {
    for (const car of elevator.cars) {
      const w = index.get(car.doorWaypoints?.[level.id]);
      if (!w) continue;
      L.marker(toLatLng([w.x, w.y]), { icon: label('elevator', car.id, '⇅'), keyboard: false }).addTo(group);
    }
  }
  return group;
}

/** Lines every GRID_METRES of the level's frame over [[west, south], [east, north]] metres (turned in WGS 84). */
function grid([[west, south], [east, north]]) {
  const lines = [];
  const x0 = Math.floor(west / GRID_METRES) * GRID_METRES;
  const y0 = Math.floor(south / GRID_METRES) * GRID_METRES;
  for (let x = x0; x <= east; x += GRID_METRES) lines.push([toLatLng([x, south]), toLatLng([x, north])]);
  for (let y = y0; y <= north; y += GRID_METRES) lines.push([toLatLng([west, y]), toLatLng([east, y])]);
  return L.polyline(lines, { className: 'grid', interactive: false });
}
