// Robots of the shown level as arrow markers pointing where they head, coloured by state; they move as the live
// robot feed reports. Markers are changed in place (position, rotation, class) rather than rebuilt, and only what
// changed is written, so a level with many robots stays cheap to update (bench console measures a thousand). A
// marker is plain boxes (body, nose, name; no SVG), and names are hidden while the level shows more robots than
// anyone could read, so the browser has fewer elements to restyle and repaint (docs/BENCHMARKS.md, console).
import * as L from './leaflet.js';
import { robotState } from './robot-state.js';
import { toLatLng, headingOffset } from './frame.js';

/** Above this many robots on the level their names are hidden (but the selected one's), as they would only overlap. */
const MAX_NAMED = 150;

/** The arrow: a round body coloured by state and a nose along +x (theta 0 is east in the level frame). */
function arrow() {
  const body = document.createElement('i');
  body.className = 'body';
  const nose = document.createElement('i');
  nose.className = 'nose';
  return [body, nose];
}

/**
 * A marker placed with a 2D transform. Leaflet places markers with translate3d, which makes every marker a compositor
 * layer of its own; with a thousand robots the browser spent most of each frame sorting out those layers.
 */
const RobotMarker = L.Marker.extend({
  _setPos(pos) {
    if (!this._icon) return;
    this._icon._leaflet_pos = pos;
    this._icon.style.transform = `translate(${pos.x}px, ${pos.y}px)`;
    this._zIndex = pos.y + this.options.zIndexOffset;
    this._resetZIndex();
  },
});

export class RobotsLayer {
  constructor(map, { onSelect }) {
    this.map = map;
    this.group = L.layerGroup().addTo(map);
    this.markers = new Map();
    this.onSelect = onSelect;
    this.selected = null;
  }

  /**
   * Shows each robot that is on `level`, moves the ones already shown, and drops the ones that left. A robot in an
   * elevator car (`carOf(id)` → {car, level, x, y}) is drawn at its car's door on the car's floor, wherever its own
   * last report put it.
   */
  update(robots, level, carOf = () => undefined) {
    for (const r of robots) {
      const ride = carOf(r.id);
      const p = r.position;
      const at = ride ? (ride.level === level ? ride : null) : (p && p.mapId === level ? p : null);
      if (!at) {
        this.remove(r.id);
        continue;
      }
      let entry = this.markers.get(r.id);
      if (!entry) entry = this.add(r, at);
      if (!entry.at || entry.at.x !== at.x || entry.at.y !== at.y) {
        entry.marker.setLatLng(toLatLng([at.x, at.y]));
        entry.at = { x: at.x, y: at.y };
      }
      entry.root.classList.toggle('in-car', Boolean(ride));
      this.style(entry, r);
    }
    this.crowded();
  }

  /** Names hidden on a crowded level (console.css), shown again when it thins out. */
  crowded() {
    this.map.getContainer().classList.toggle('crowded', this.markers.size > MAX_NAMED);
  }

  add(robot, at) {
    const root = document.createElement('div');
    root.className = 'robot';
    root.dataset.robot = robot.id;
    const rotor = document.createElement('div');
    rotor.className = 'rotor';
    rotor.append(...arrow());
    const label = document.createElement('span');
    label.className = 'robot-label';
    label.setAttribute('data-raw', '');
    label.textContent = robot.serialNumber || robot.id;
    root.append(rotor, label);
    const icon = L.divIcon({ className: 'robot-marker', html: root, iconSize: [26, 26], iconAnchor: [13, 13] });
    const marker = new RobotMarker(toLatLng([at.x, at.y]), { icon, keyboard: false, zIndexOffset: 1000 })
      .on('click', () => this.onSelect(robot.id)).addTo(this.group);
    const entry = { marker, root, rotor, state: null, rotation: null, at: null };
    this.markers.set(robot.id, entry);
    return entry;
  }

  style(entry, robot) {
    const s = robotState(robot);
    if (entry.state !== s) {
      entry.root.classList.remove(`state-${entry.state}`);
      entry.root.classList.add(`state-${s}`);
      entry.root.classList.toggle('selected', robot.id === this.selected);
      entry.root.dataset.state = s;
      entry.state = s;
    }
    // In WGS 84 the level's x axis itself is turned from east by the anchor's rotation.
    const rotation = (robot.position?.theta || 0) + headingOffset();
    if (entry.rotation !== rotation) {
      // CSS turns clockwise and screen y grows downwards: a counter-clockwise theta turns by -theta on screen.
      entry.rotor.style.transform = `rotate(${-rotation}rad)`;
      entry.rotation = rotation;
    }
  }

  select(id) {
    this.selected = id;
    for (const [rid, entry] of this.markers) entry.root.classList.toggle('selected', rid === id);
  }

  /** Drops every marker whose robot is not in `ids`. */
  retain(ids) {
    for (const id of [...this.markers.keys()]) if (!ids.has(id)) this.remove(id);
  }

  remove(id) {
    const entry = this.markers.get(id);
    if (!entry) return;
    entry.marker.remove();
    this.markers.delete(id);
    this.crowded();
  }

  clear() {
    this.group.clearLayers();
    this.markers.clear();
    this.crowded();
  }
}
