// A level's local frame is metric, x east and y north. The map shows it as it is (Leaflet CRS.Simple takes
// [lat, lng] = [y, x]) or, for a geo-anchored site's outdoor level, in WGS 84 (see geo.js): then every position
// drawn goes through the site's anchor. Zones, graph, robots and the zone editor all place things through here.
import { localToWgs84, wgs84ToLocal } from './geo.js';

let anchor = null; // the site's geoAnchor while the WGS 84 view is shown

/** Switches every conversion below to WGS 84 through `geoAnchor`, or back to the metric frame with null. */
export function useWgs84(geoAnchor) {
  anchor = geoAnchor || null;
}

export function inWgs84() {
  return anchor !== null;
}

export const toLatLng = ([x, y]) => (anchor ? localToWgs84(anchor, x, y) : [y, x]);

export function fromLatLng(ll) {
  const [x, y] = anchor ? wgs84ToLocal(anchor, ll.lat, ll.lng) : [ll.lng, ll.lat];
  return [round(x), round(y)];
}

/** How far the level's x axis is turned from screen east, radians counter-clockwise (robots' arrows turn with it). */
export function headingOffset() {
  return anchor ? (anchor.rotationDeg || 0) * Math.PI / 180 : 0;
}

/** Centimetres are as fine as anyone draws a zone by hand; more digits only make the GeoJSON noisy. */
function round(v) {
  return Math.round(v * 100) / 100;
}

/** GeoJSON Polygon / MultiPolygon coordinates → Leaflet's nested [lat, lng] arrays. */
export function geometryToLatLngs(geometry) {
  if (geometry.type === 'Polygon') return geometry.coordinates.map((ring) => ring.map(toLatLng));
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((poly) => poly.map((ring) => ring.map(toLatLng)));
  throw new Error(`zones are Polygon or MultiPolygon, not ${geometry.type}`);
}
