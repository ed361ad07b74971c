// The level's zones, coloured by kind (a closed disinfection zone darker and hatched), their rules on hover.
import * as L from './leaflet.js';
import { h, raw } from '../dom.js';
import { ruleLines } from '../zone-rules.js';
import { geometryToLatLngs } from './frame.js';

export class ZonesLayer {
  constructor(map, { onSelect }) {
    this.group = L.layerGroup().addTo(map);
    this.onSelect = onSelect;
    this.shapes = new Map();
    this.selected = null;
    this.hidden = null;
  }

  show(features) {
    this.group.clearLayers();
    this.shapes.clear();
    // Big areas first so the small zones inside them stay on top and can be hovered.
    const ordered = [...features].sort((a, b) => area(b) - area(a));
    for (const f of ordered) {
      const kind = f.properties.kind.toLowerCase().replace('_', '-');
      const closed = f.properties.state === 'CLOSED' ? ' closed' : '';
      const shape = L.polygon(geometryToLatLngs(f.geometry), {
        className: `zone zone-${kind}${closed}${String(f.id) === this.selected ? ' selected' : ''}`,
      });
      shape.bindTooltip(() => tooltip(f), { sticky: true, className: 'zone-tooltip', direction: 'top' });
      shape.on('click', (e) => {
        if (this.onSelect(String(f.id)) !== false) L.DomEvent.stopPropagation(e);
      });
      shape.addTo(this.group);
      this.shapes.set(String(f.id), shape);
      if (String(f.id) === this.hidden) shape.remove();
    }
  }

  select(id) {
    this.selected = id;
    for (const [zid, shape] of this.shapes) {
      const el = shape.getElement();
      if (el) el.classList.toggle('selected', zid === id);
    }
  }

  /** The editor draws the zone it edits itself; its stored shape is hidden meanwhile. */
  hide(id) {
    this.hidden = id;
    for (const [zid, shape] of this.shapes) {
      if (zid === id) shape.remove();
      else if (!this.group.hasLayer(shape)) shape.addTo(this.group);
    }
  }
}

function tooltip(f) {
  const p = f.properties;
  return h('div', {},
    h('strong', {}, raw(p.name || f.id)),
    h('table', {}, ruleLines(p).map(([label, value]) =>
      h('tr', {}, h('th', {}, label), h('td', {}, value?.raw !== undefined ? raw(value.raw) : value)))));
}

/** Shoelace area of the outer rings, only to order the drawing. */
function area(f) {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let sum = 0;
  for (const poly of polys) {
    const ring = poly[0];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  }
  return Math.abs(sum / 2);
}
