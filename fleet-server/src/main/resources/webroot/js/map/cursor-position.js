// Where the mouse points, under the map: metres of the level's frame, or latitude and longitude in the WGS 84 view.
import * as L from './leaflet.js';
import { t, formatNumber } from '../i18n.js';
import { fromLatLng, inWgs84 } from './frame.js';

function text(latlng) {
  if (!inWgs84()) {
    const [x, y] = fromLatLng(latlng);
    return t('map.cursor.local', { x: formatNumber(x, 2), y: formatNumber(y, 2) });
  }
  const lat = latlng.lat.toFixed(6);
  const lon = latlng.wrap().lng.toFixed(6);
  return `${t(latlng.lat >= 0 ? 'map.cursor.north' : 'map.cursor.south', { value: lat.replace('-', '') })}, `
    + t(latlng.lng >= 0 ? 'map.cursor.east' : 'map.cursor.west', { value: lon.replace('-', '') });
}

export function cursorPosition(map) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const el = L.DomUtil.create('div', 'cursor-position');
    el.id = 'cursor-position';
    el.textContent = t('map.cursor.hint');
    map.on('mousemove', (e) => { el.textContent = text(e.latlng); });
    return el;
  };
  return control.addTo(map);
}
