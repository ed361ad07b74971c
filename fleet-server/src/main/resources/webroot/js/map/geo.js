// The site frame ↔ WGS 84 conversion of the server's GeoAnchor (geofence module, docs/ZONES.md), the same local
// tangent plane with the same WGS 84 radii, so the browser places robots and the graph where the server's
// conversion (zones in ?frame=wgs84) puts them; the console test checks the two agree.
const SEMI_MAJOR_AXIS_M = 6378137.0;
const FLATTENING = 1 / 298.257223563;
const ECCENTRICITY_SQUARED = FLATTENING * (2 - FLATTENING);
const rad = (deg) => deg * Math.PI / 180;
const deg = (r) => r * 180 / Math.PI;

function metresPerRadianEast(latitude) {
  const phi = rad(latitude);
  const sin = Math.sin(phi);
  return SEMI_MAJOR_AXIS_M / Math.sqrt(1 - ECCENTRICITY_SQUARED * sin * sin) * Math.cos(phi);
}

function metresPerRadianNorth(latitude) {
  const sin = Math.sin(rad(latitude));
  const w = 1 - ECCENTRICITY_SQUARED * sin * sin;
  return SEMI_MAJOR_AXIS_M * (1 - ECCENTRICITY_SQUARED) / (w * Math.sqrt(w));
}

/** Keeps longitudes in [-180, 180) so a site on the antimeridian works. */
function wrap(degrees) {
  if (degrees >= -180 && degrees < 180) return degrees;
  return ((degrees + 180) % 360 + 360) % 360 - 180;
}

/** (x, y) metres of the site frame → [latitude, longitude] (Leaflet's order). */
export function localToWgs84(anchor, x, y) {
  const theta = rad(anchor.rotationDeg || 0);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const east = x * cos - y * sin;
  const north = x * sin + y * cos;
  return [anchor.latitude + deg(north / metresPerRadianNorth(anchor.latitude)),
    wrap(anchor.longitude + deg(east / metresPerRadianEast(anchor.latitude)))];
}

/** [latitude, longitude] → [x, y] metres of the site frame. */
export function wgs84ToLocal(anchor, lat, lon) {
  const east = rad(wrap(lon - anchor.longitude)) * metresPerRadianEast(anchor.latitude);
  const north = rad(lat - anchor.latitude) * metresPerRadianNorth(anchor.latitude);
  const theta = rad(anchor.rotationDeg || 0);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return [east * cos + north * sin, -east * sin + north * cos];
}
