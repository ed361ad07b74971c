// The Leaflet map of one level in its metric frame: a light grid, the nav graph (lanes and waypoints), places,
// chargers and elevator doors. Zones, robots and the zone editor add their own layers on top.
import * as L from './leaflet.js';
import { h, raw } from '../dom.js';
import { t } from '../i18n.js';
import { state, waypointIndex } from '../store.js';
import { toLatLng } from './frame.js';

const GRID_METRES = 5;
const MARGIN_METRES = 4;

export function createMap(element) {
  const map = L.map(element, {
    crs: L.CRS.Simple, minZoom: -3, maxZoom: 6, zoomSnap: 0.25, zoomDelta: 0.5,
    attributionControl: false, boxZoom: false, zoomControl: false,
  });
  // Leaflet's own control titles are English; ours come from the dictionary.
  L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
  // Diagnostics and the browser tests find the map here (to turn metres into pixels for clicks).
  window.pgConsole = Object.assign(window.pgConsole || {}, { map });
  return map;
}

/** The extent of a level: its waypoints, with a margin so nothing sits on the edge. */
export function levelBounds(level) {
  const xs = level.waypoints.map((w) => w.x);
  const ys = level.waypoints.map((w) => w.y);
  if (xs.length === 0) return L.latLngBounds([[-10, -10], [10, 10]]);
  return L.latLngBounds(
    [Math.min(...ys) - MARGIN_METRES, Math.min(...xs) - MARGIN_METRES],
    [Math.max(...ys) + MARGIN_METRES, Math.max(...xs) + MARGIN_METRES]);
}

/** Draws the level's fixed features into a new layer group, which the caller removes on a level switch. */
export function siteLayer(level, { onPlace } = {}) {
  const group = L.layerGroup();
  const bounds = levelBounds(level).pad(0.5);
  grid(bounds).addTo(group);
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

function grid(bounds) {
  const lines = [];
  const x0 = Math.floor(bounds.getWest() / GRID_METRES) * GRID_METRES;
  const y0 = Math.floor(bounds.getSouth() / GRID_METRES) * GRID_METRES;
  for (let x = x0; x <= bounds.getEast(); x += GRID_METRES)
    lines.push([[bounds.getSouth(), x], [bounds.getNorth(), x]]);
  for (let y = y0; y <= bounds.getNorth(); y += GRID_METRES)
    lines.push([[y, bounds.getWest()], [y, bounds.getEast()]]);
  return L.polyline(lines, { className: 'grid', interactive: false });
}
