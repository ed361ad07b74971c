// The live map: one level at a time (switch in one click), its floor plan, site features, zones and moving robots,
// with a side panel for the zones (and their editor), the selected robot, the level's floor plan, and the live events
// of the site. A geo-anchored site's outdoor level can be shown in WGS 84 (the map is built again in that frame).
import { h, raw, replace } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { on } from '../events-bus.js';
import { state, sortedLevels, chooseLevel, zonesOfLevel } from '../store.js';
import { followLevel } from '../live.js';
import { createMap, siteLayer, levelBounds } from '../map/level-map.js';
import { ZonesLayer } from '../map/zones-layer.js';
import { RobotsLayer } from '../map/robots-layer.js';
import { CarRiders } from '../map/car-riders.js';
import { ZoneEditor } from '../map/zone-editor.js';
import { FloorPlanLayer } from '../map/floor-plan-layer.js';
import { cursorPosition } from '../map/cursor-position.js';
import { useWgs84, inWgs84 } from '../map/frame.js';
import { FloorPlanPanel } from './floor-plan-panel.js';
import { ROBOT_STATES } from '../map/robot-state.js';
import { ZonePanel } from './zone-panel.js';
import { robotPanel } from './robot-panel.js';
import { eventRow } from '../event-text.js';

const FEED_LENGTH = 40;
const TASK_REFRESH_MS = 5000;
const views = new Map(); // level and frame → {center, zoom}: coming back to a level shows it as it was left

let map;
let unsubscribe = [];
let selectedRobot = null;
let selectedTask = null;
let taskTimer = null;
let riders = null;
let wgs84 = false; // the WGS 84 view of the outdoor level is chosen
const recent = [];

const viewKey = () => `${state.site.id}/${state.level}/${inWgs84() ? 'wgs84' : 'local'}`;

/** The WGS 84 view is offered for the outdoor levels of a geo-anchored site. */
function wgs84Possible() {
  const level = state.site.levels.find((l) => l.id === state.level);
  return Boolean(state.site.geoAnchor && level?.outdoor);
}

function mount(container) {
  const levelBar = h('div', { class: 'level-bar', id: 'levels' });
  const legend = h('div', { class: 'legend', id: 'legend' }, ROBOT_STATES.map((s) =>
    h('span', { class: `legend-item state-${s}` }, h('i', {}), t(`robotState.${s}`))));
  const mapEl = h('div', { id: 'map' });
  const tabs = h('div', { class: 'side-tabs' });
  const zonesEl = h('section', { id: 'side-zones' });
  const robotEl = h('section', { id: 'side-robot', hidden: true });
  const eventsEl = h('section', { id: 'side-events', hidden: true },
    h('h3', {}, t('map.liveEvents')), h('ul', { class: 'events', id: 'map-events' }));
  const planEl = h('section', { id: 'side-plan', hidden: true });
  const sections = { zones: zonesEl, robot: robotEl, plan: planEl, events: eventsEl };
  const showTab = (name) => {
    for (const [n, el] of Object.entries(sections)) el.hidden = n !== name;
    tabs.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  };
  replace(tabs, Object.keys(sections).map((name) =>
    h('button', { 'data-tab': name, id: `tab-${name}`, onclick: () => showTab(name) }, t(`map.tab.${name}`))));
  container.append(h('div', { class: 'map-page' },
    h('div', { class: 'map-column' }, levelBar, h('div', { class: 'map-wrap' }, mapEl), legend),
    h('aside', { class: 'side' }, tabs, zonesEl, robotEl, planEl, eventsEl)));
  showTab('zones');

  useWgs84(wgs84 && wgs84Possible() ? state.site.geoAnchor : null);
  map = createMap(mapEl);
  cursorPosition(map);
  const floorPlan = new FloorPlanLayer(map);
  const planPanel = new FloorPlanPanel({ element: planEl });
  const zonesLayer = new ZonesLayer(map, { onSelect: (id) => { showTab('zones'); return panel.select(id); } });
  const robotsLayer = new RobotsLayer(map, { onSelect: (id) => selectRobot(id) });
  const carOf = (id) => riders.carOf(id);
  // Riders the level feed does not carry are drawn from the elevators' view; every rider is placed again whenever
  // a car moves or someone boards or leaves.
  riders = new CarRiders({ onChange: () => {
    const shown = [...state.robots.values(), ...riders.extraRobots()];
    robotsLayer.retain(new Set(shown.map((r) => r.id))); // a rider that got off on a level not shown
    robotsLayer.update(shown, state.level, carOf);
    if (selectedRobot) renderRobot();
  } });
  const editor = new ZoneEditor(map, {});
  const panel = new ZonePanel({ element: zonesEl, editor, zonesLayer });
  let fixed = null;

  function renderLevels() {
    replace(levelBar, sortedLevels().map((l) => h('button', {
      class: l.id === state.level ? 'active' : '', 'data-level': l.id, id: `level-${l.id}`,
      onclick: () => switchLevel(l.id),
    }, raw(l.id), ' ', h('small', {}, raw(l.name || '')))),
    wgs84Possible() ? h('button', { id: 'frame-switch', class: `frame-switch${inWgs84() ? ' active' : ''}`,
      'data-frame': inWgs84() ? 'wgs84' : 'local', onclick: () => switchFrame(!inWgs84()) },
    t(inWgs84() ? 'map.frame.local' : 'map.frame.wgs84')) : '');
  }

  /** The map cannot change its coordinate system: the page is built again in the other frame. */
  function switchFrame(toWgs84) {
    wgs84 = toWgs84;
    const container = mapEl.closest('.map-page').parentElement;
    const tab = tabs.querySelector('button.active')?.dataset.tab;
    unmount();
    container.querySelector('.map-page')?.remove();
    mount(container);
    if (tab) document.getElementById(`tab-${tab}`)?.click();
  }

  function showLevel() {
    const level = state.site.levels.find((l) => l.id === state.level);
    if (inWgs84() !== (wgs84 && wgs84Possible())) {
      switchFrame(wgs84);
      return;
    }
    floorPlan.show(state.site.id, level);
    if (fixed) fixed.remove();
    fixed = siteLayer(level).addTo(map);
    fixed.eachLayer((l) => l.bringToBack?.());
    const view = views.get(viewKey());
    if (view) map.setView(view.center, view.zoom, { animate: false });
    else map.fitBounds(levelBounds(level), { animate: false });
    zonesLayer.show(zonesOfLevel());
    robotsLayer.clear();
    followLevel(state.site.id, level.id);
    renderLevels();
    panel.render();
    planPanel.render();
  }

  function switchLevel(id) {
    if (panel.editing) panel.stopEditing();
    views.set(viewKey(), { center: map.getCenter(), zoom: map.getZoom() });
    chooseLevel(id);
    showLevel();
  }

  function selectRobot(id) {
    selectedRobot = id;
    selectedTask = null;
    robotsLayer.select(id);
    showTab('robot');
    renderRobot();
    refreshTask();
  }

  function renderRobot() {
    const robot = state.robots.get(selectedRobot) || riders.extraRobots().find((r) => r.id === selectedRobot);
    replace(robotEl, robotPanel(robot, { task: selectedTask, car: riders.carOf(selectedRobot)?.car }));
  }

  async function refreshTask() {
    if (!selectedRobot) return;
    try {
      const { tasks } = await api('/api/v1/tasks?status=underway');
      selectedTask = tasks.find((x) => x.assigned_to?.name === selectedRobot && !['completed', 'failed', 'canceled'].includes(x.status)) || null;
      renderRobot();
    } catch (e) {
      // the panel keeps what it had; the next refresh tries again
    }
  }

  unsubscribe = [
    on('robots', ({ robots, snapshot }) => {
      if (snapshot) robotsLayer.clear();
      robotsLayer.update(snapshot ? [...robots, ...riders.extraRobots()] : robots, state.level, carOf);
      if (selectedRobot && robots.some((r) => r.id === selectedRobot)) renderRobot();
    }),
    on('zones', () => {
      zonesLayer.show(zonesOfLevel());
      if (panel.editing) panel.zonesLayer.hide(panel.editing.feature ? String(panel.editing.feature.id) : null);
      panel.render();
    }),
    on('event', (e) => {
      if (e.type === 'state.samples' || e.site !== state.site.id) return;
      recent.unshift(e);
      recent.length = Math.min(recent.length, FEED_LENGTH);
      const list = eventsEl.querySelector('#map-events');
      list.prepend(eventRow(e));
      while (list.children.length > FEED_LENGTH) list.lastChild.remove();
    }),
    on('site', () => showLevel()),
  ];
  for (const e of recent) eventsEl.querySelector('#map-events').append(eventRow(e));
  taskTimer = setInterval(refreshTask, TASK_REFRESH_MS);
  showLevel();
  riders.start();
  // Robots already known (from an earlier visit) appear at once; the feed's snapshot follows.
  robotsLayer.update([...state.robots.values()], state.level, carOf);
}

function unmount() {
  unsubscribe.forEach((u) => u());
  unsubscribe = [];
  clearInterval(taskTimer);
  riders?.stop();
  riders = null;
  if (map) {
    views.set(viewKey(), { center: map.getCenter(), zoom: map.getZoom() });
    map.remove();
    map = null;
  }
}

export default { mount, unmount };
