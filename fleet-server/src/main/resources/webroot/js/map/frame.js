// A level's local frame is metric, x east and y north; Leaflet's CRS.Simple takes [lat, lng] = [y, x].

export const toLatLng = ([x, y]) => [y, x];
export const fromLatLng = (ll) => [round(ll.lng), round(ll.lat)];

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
