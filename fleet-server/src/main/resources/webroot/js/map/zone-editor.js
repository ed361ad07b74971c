// Drawing and reshaping one zone's outline on the map: click to add corners, click the first corner (or Finish) to
// close, drag a corner to move it, drag the small handle between two corners to insert one, double-click a corner
// to remove it. Every change can be undone. The server's problems are pinned where they are.
import * as L from './leaflet.js';
import { h, raw } from '../dom.js';
import { t } from '../i18n.js';
import { toLatLng, fromLatLng } from './frame.js';

const MIN_CORNERS = 3;

export class ZoneEditor {
  constructor(map, { onChange }) {
    this.map = map;
    this.onChange = onChange || (() => {});
    this.layer = L.layerGroup();
    this.problems = L.layerGroup();
    this.corners = [];     // [[x, y], ...] without repeating the first
    this.holes = [];       // kept as they were: the editor reshapes only the outer ring
    this.closed = false;
    this.undoStack = [];
    this.active = false;
    this.onMapClick = (e) => this.addCorner(fromLatLng(e.latlng));
  }

  /** Starts on a new outline (geometry null: drawing by clicks) or on a zone's Polygon geometry. */
  start(geometry) {
    this.stop();
    this.active = true;
    this.undoStack = [];
    if (geometry) {
      const [outer, ...holes] = geometry.coordinates;
      this.corners = outer.slice(0, -1).map(([x, y]) => [x, y]);
      this.holes = holes;
      this.closed = true;
    } else {
      this.corners = [];
      this.holes = [];
      this.closed = false;
    }
    this.layer.addTo(this.map);
    this.problems.addTo(this.map);
    this.map.on('click', this.onMapClick);
    this.map.doubleClickZoom.disable();
    this.map.getContainer().classList.add('editing-zone');
    this.redraw();
  }

  stop() {
    if (!this.active) return;
    this.active = false;
    this.map.off('click', this.onMapClick);
    this.map.doubleClickZoom.enable();
    this.map.getContainer().classList.remove('editing-zone', 'drawing');
    this.layer.clearLayers();
    this.layer.remove();
    this.clearProblems();
    this.problems.remove();
  }

  drawing() {
    return this.active && !this.closed;
  }

  canFinish() {
    return this.drawing() && this.corners.length >= MIN_CORNERS;
  }

  /** Remembers the outline before a change so undo can bring it back. */
  remember() {
    this.undoStack.push({ corners: this.corners.map((c) => [...c]), closed: this.closed });
  }

  canUndo() {
    return this.undoStack.length > 0;
  }

  undo() {
    const before = this.undoStack.pop();
    if (!before) return;
    this.corners = before.corners;
    this.closed = before.closed;
    this.clearProblems();
    this.changed();
  }

  addCorner(point) {
    if (!this.drawing()) return;
    this.remember();
    this.corners.push(point);
    this.changed();
  }

  finish() {
    if (!this.canFinish()) return;
    this.remember();
    this.closed = true;
    this.changed();
  }

  moveCorner(i, point) {
    this.corners[i] = point;
    this.clearProblems();
    this.redraw(false);
  }

  removeCorner(i) {
    if (this.closed && this.corners.length <= MIN_CORNERS) return;
    this.remember();
    this.corners.splice(i, 1);
    this.changed();
  }

  changed() {
    this.redraw();
    this.onChange(this);
  }

  /** The outline as a GeoJSON Polygon (closed ring), or null while it is not closed. */
  geometry() {
    if (!this.closed || this.corners.length < MIN_CORNERS) return null;
    return { type: 'Polygon', coordinates: [[...this.corners, this.corners[0]].map((c) => [...c]), ...this.holes] };
  }

  redraw(withHandles = true) {
    const container = this.map.getContainer();
    container.classList.toggle('drawing', this.drawing());
    if (!withHandles && this.outline) {
      // While a corner is dragged only the outline follows; handles are rebuilt when the drag ends.
      this.outline.setLatLngs(this.corners.map(toLatLng));
      return;
    }
    this.layer.clearLayers();
    const latlngs = this.corners.map(toLatLng);
    this.outline = this.closed
      ? L.polygon(latlngs, { className: 'editing-outline', interactive: false })
      : L.polyline(latlngs, { className: 'editing-outline open', interactive: false });
    this.outline.addTo(this.layer);
    this.corners.forEach((c, i) => this.cornerHandle(c, i));
    if (this.closed) this.corners.forEach((c, i) => this.insertHandle(i));
  }

  cornerHandle(corner, i) {
    const first = i === 0 && this.canFinish();
    const marker = L.marker(toLatLng(corner), {
      draggable: this.closed, keyboard: false, zIndexOffset: 2000,
      icon: L.divIcon({ className: `corner${first ? ' first' : ''}`, iconSize: [14, 14] }),
      title: first ? t('editor.closeHere') : t('editor.corner'),
    }).addTo(this.layer);
    marker.on('click', () => {
      if (first) this.finish();
    });
    marker.on('dblclick', () => this.removeCorner(i));
    marker.on('dragstart', () => this.remember());
    marker.on('drag', (e) => this.moveCorner(i, fromLatLng(e.target.getLatLng())));
    marker.on('dragend', () => this.changed());
  }

  /** A handle halfway along each edge; dragging it inserts a corner there. */
  insertHandle(i) {
    const a = this.corners[i];
    const b = this.corners[(i + 1) % this.corners.length];
    const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const marker = L.marker(toLatLng(mid), {
      draggable: true, keyboard: false, zIndexOffset: 1500,
      icon: L.divIcon({ className: 'insert', iconSize: [10, 10] }), title: t('editor.insert'),
    }).addTo(this.layer);
    let at = null;
    marker.on('dragstart', () => {
      this.remember();
      at = i + 1;
      this.corners.splice(at, 0, mid);
    });
    marker.on('drag', (e) => this.moveCorner(at, fromLatLng(e.target.getLatLng())));
    marker.on('dragend', () => this.changed());
  }

  /** Pins each problem that has a place (details.problems[].where) on the map, with its message. */
  showProblems(problems) {
    this.clearProblems();
    const pinned = [];
    for (const p of problems || []) {
      if (!p.where) continue;
      const marker = L.circleMarker(toLatLng([p.where.x, p.where.y]), { radius: 9, className: 'problem-pin' })
        .bindTooltip(h('span', {}, raw(p.message)), { permanent: true, direction: 'right', className: 'problem-tooltip' })
        .addTo(this.problems);
      pinned.push(marker);
    }
    return pinned.length;
  }

  clearProblems() {
    this.problems.clearLayers();
  }
}
