// What the console knows of the chosen site, loaded from the API; pages read it and listen for 'site' and 'zones'.
import { api, seg } from './api.js';
import { emit } from './events-bus.js';
import { setSiteTimeZone } from './i18n.js';

export const state = {
  sites: [],          // GET /api/v1/sites summaries
  site: null,         // the chosen site in the site file format (GET /api/v1/sites/{site})
  level: null,        // the level id shown on the map
  zones: { type: 'FeatureCollection', features: [] },
  robots: new Map(),  // robot id → the API's robot JSON, kept fresh by live.js
  firms: [],
};

const SITE_KEY = 'pg.site';

export async function loadSites() {
  state.sites = (await api('/api/v1/sites')).sites;
  if (state.sites.length === 0) throw new Error('the server runs no site');
  const wanted = sessionStorage.getItem(SITE_KEY);
  const pick = state.sites.find((s) => s.id === wanted) || state.sites[0];
  await chooseSite(pick.id);
  state.firms = (await api('/api/v1/firms')).firms;
}

export async function chooseSite(id) {
  state.site = await api(`/api/v1/sites/${seg(id)}`);
  sessionStorage.setItem(SITE_KEY, id);
  setSiteTimeZone(state.site.timeZone);
  const levels = sortedLevels();
  if (!levels.some((l) => l.id === state.level)) state.level = (levels.find((l) => l.floor === 1) || levels[0]).id;
  state.robots.clear();
  await loadZones();
  emit('site', state.site);
}

/** Reads the chosen site again after a change made from the page (a floor plan); the map redraws on 'site'. */
export async function reloadSite() {
  state.site = await api(`/api/v1/sites/${seg(state.site.id)}`);
  emit('site', state.site);
}

/** Levels from the lowest floor up, as a building's lift panel lists them. */
export function sortedLevels() {
  return [...(state.site?.levels || [])].sort((a, b) => a.floor - b.floor || a.id.localeCompare(b.id));
}

export function chooseLevel(id) {
  if (!state.site.levels.some((l) => l.id === id)) throw new Error(`site ${state.site.id} has no level "${id}"`);
  state.level = id;
  emit('level', id);
}

export async function loadZones() {
  state.zones = await api(`/api/v1/sites/${seg(state.site.id)}/zones`);
  emit('zones', state.zones);
}

export function zonesOfLevel(level = state.level) {
  return state.zones.features.filter((f) => f.properties.level === level);
}

/** waypoint id → {x, y, level}: places, chargers and elevator doors name waypoints. */
export function waypointIndex() {
  const index = new Map();
  for (const level of state.site.levels)
    for (const w of level.waypoints) index.set(w.id, { ...w, level: level.id });
  return index;
}
