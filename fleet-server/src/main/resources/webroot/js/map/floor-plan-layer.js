// The level's floor-plan image (docs/SITE-FORMAT.md, floorPlan) under its graph, placed by its scale and origin.
// An <img> cannot send the token, so the image is fetched with it and shown from a blob URL; the server serves it
// as immutable under its SHA-256, so each image is fetched once per page load. Only the metric view shows it: in
// WGS 84 the level's axes are turned, which an unrotated image overlay cannot follow.
import * as L from './leaflet.js';
import { api, seg } from '../api.js';
import { toLatLng, inWgs84 } from './frame.js';

const urls = new Map(); // image SHA-256 → object URL, kept for the page's life

async function imageUrl(site, image) {
  if (!urls.has(image)) {
    const response = await api(`/api/v1/sites/${seg(site)}/floor-plans/${seg(image)}`, { as: 'response' });
    urls.set(image, URL.createObjectURL(await response.blob()));
  }
  return urls.get(image);
}

/** [[x, y] of the lower-left corner, [x, y] of the upper-right corner] of a plan on its level, metres. */
export function planCorners(plan) {
  const { x, y } = plan.origin;
  return [[x, y], [x + plan.widthPx * plan.metresPerPixel, y + plan.heightPx * plan.metresPerPixel]];
}

export class FloorPlanLayer {
  constructor(map) {
    this.map = map;
    this.overlay = null;
    this.shown = null; // what the overlay shows: image and placement
  }

  async show(site, level) {
    const plan = inWgs84() ? null : level.floorPlan;
    const key = plan ? JSON.stringify([site, plan]) : null;
    if (key === this.shown) return;
    this.clear();
    this.shown = key;
    if (!plan) return;
    let url;
    try {
      url = await imageUrl(site, plan.image);
    } catch (e) {
      console.warn(`floor plan of ${level.id} not shown: ${e.message}`);
      return;
    }
    if (this.shown !== key) return; // another level or plan was shown meanwhile
    this.overlay = L.imageOverlay(url, planCorners(plan).map(toLatLng),
      { pane: 'floorPlan', className: 'floor-plan', interactive: false, alt: '' }).addTo(this.map);
  }

  clear() {
    this.overlay?.remove();
    this.overlay = null;
    this.shown = null;
  }
}
