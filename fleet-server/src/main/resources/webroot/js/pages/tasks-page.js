// Tasks: a form to request delivery, serving, disinfection, go-to and charge tasks by picking places, and the list
// of tasks with status, robot, phases and the dispatch decision with its costs; cancel from the list.
import { h, raw, replace } from '../dom.js';
import { t, tOr, formatTime, formatNumber } from '../i18n.js';
import { api, seg } from '../api.js';
import { on } from '../events-bus.js';
import { state } from '../store.js';
import { showProblem } from '../problems.js';

const CATEGORIES = ['delivery', 'serving', 'disinfection', 'go_to_place', 'charge'];
const FINAL = ['completed', 'failed', 'canceled'];
const REFRESH_MS = 3000;

let timer = null;
let off = null;

function placeOptions(list, { any = false } = {}) {
  const levels = new Map(state.site.levels.map((l) => [l.id, l]));
  const sorted = [...list].sort((a, b) => (levels.get(a.level)?.floor ?? 0) - (levels.get(b.level)?.floor ?? 0)
    || a.name.localeCompare(b.name));
  return [any ? h('option', { value: '' }, t('tasks.anyCharger')) : '',
    ...sorted.map((p) => h('option', { value: p.name, 'data-raw': '' }, `${p.level} · ${p.name}`))];
}

function fieldsFor(category) {
  const place = (name, label) => h('label', {}, label, h('select', { name, id: `task-${name}` }, placeOptions(state.site.places || [])));
  switch (category) {
    case 'delivery':
      return [place('pickup', t('tasks.pickup')), place('dropoff', t('tasks.dropoff'))];
    case 'serving':
      return [place('from', t('tasks.from')), h('label', {}, t('tasks.tables'),
        h('select', { name: 'tables', id: 'task-tables', multiple: true, size: 6 }, placeOptions(state.site.places || [])))];
    case 'disinfection':
      return [h('label', {}, t('tasks.zone'), h('select', { name: 'zone', id: 'task-zone' },
        state.zones.features.filter((f) => f.properties.kind === 'DISINFECTION')
          .map((f) => h('option', { value: f.id, 'data-raw': '' }, `${f.properties.level} · ${f.properties.name || f.id}`)))),
      h('label', {}, t('tasks.spacing'), h('input', { name: 'spacing', type: 'number', min: '0.3', max: '5', step: '0.1', placeholder: '1.0' }))];
    case 'go_to_place':
      return [place('place', t('tasks.place'))];
    case 'charge':
      return [h('label', {}, t('tasks.charger'), h('select', { name: 'charger', id: 'task-charger' },
        placeOptions(state.site.chargers || [], { any: true })))];
    default:
      throw new Error(`unknown task category ${category}`);
  }
}

/** The form's fields as an Open-RMF task description (docs: TaskRequest in the OpenAPI document). */
function description(category, form) {
  const value = (name) => form.elements[name]?.value;
  switch (category) {
    case 'delivery': return { pickup: { place: value('pickup') }, dropoff: { place: value('dropoff') } };
    case 'serving': return { from: { place: value('from') },
      tables: [...form.elements.tables.selectedOptions].map((o) => o.value) };
    case 'disinfection': return value('spacing') ? { zone: value('zone'), spacing: Number(value('spacing')) } : { zone: value('zone') };
    case 'go_to_place': return { place: value('place') };
    case 'charge': return value('charger') ? { charger: value('charger') } : {};
    default: throw new Error(`unknown task category ${category}`);
  }
}

function requestForm(onCreated) {
  const fields = h('div', { class: 'task-fields' });
  const message = h('p', { class: 'error', role: 'alert', id: 'task-error' });
  const done = h('p', { class: 'notice', id: 'task-created', role: 'status' });
  const category = h('select', { name: 'category', id: 'task-category', onchange: () => replace(fields, fieldsFor(category.value)) },
    CATEGORIES.map((c) => h('option', { value: c }, tOr(`category.${c}`, c))));
  replace(fields, fieldsFor(category.value));
  const form = h('form', { class: 'stack card', id: 'task-form', onsubmit: async (e) => {
    e.preventDefault();
    showProblem(message, null);
    done.textContent = '';
    try {
      const task = await api('/api/v1/tasks', { method: 'POST', body: {
        site: state.site.id, category: category.value, description: description(category.value, form) } });
      done.replaceChildren(t('tasks.created'), ' ', raw(task.booking.id));
      onCreated();
    } catch (err) {
      showProblem(message, err);
    }
  } },
  h('h3', {}, t('tasks.new')), h('label', {}, t('tasks.category'), category), fields,
  h('button', { type: 'submit', class: 'primary', id: 'task-submit' }, t('tasks.submit')), message, done);
  return form;
}

function phasesText(task) {
  const phases = Object.values(task.phases || {}).sort((a, b) => a.id - b.id);
  if (!phases.length) return '—';
  const active = phases.find((p) => p.id === task.active) || phases.find((p) => p.status !== 'completed') || phases[phases.length - 1];
  return [h('span', {}, t('tasks.phaseOf', { done: (task.completed || []).length, total: phases.length })), ' ',
    raw(active.detail)];
}

function decision(task) {
  const decisions = task.dispatch?.decisions || [];
  if (!decisions.length) return '—';
  const last = decisions[decisions.length - 1];
  return h('details', {}, h('summary', {}, last.chosen ? [t('tasks.chosen'), ' ', raw(last.chosen)] : t('tasks.noneChosen')),
    h('table', { class: 'list' }, h('tr', {}, h('th', {}, t('tasks.robot')), h('th', {}, t('tasks.finish')),
      h('th', {}, t('tasks.energy')), h('th', {}, t('tasks.leftOut'))),
    last.candidates.map((c) => h('tr', { class: c.robot === last.chosen ? 'chosen' : '' },
      h('td', {}, raw(c.robot)),
      h('td', {}, c.finishSeconds === undefined ? '—' : t('unit.seconds', { value: formatNumber(c.finishSeconds) })),
      h('td', {}, c.energyWh === undefined ? '—' : t('unit.wh', { value: formatNumber(c.energyWh, 2) })),
      h('td', {}, c.excludedBecause ? raw(c.excludedBecause) : '')))),
    h('p', { class: 'hint' }, t('tasks.attempts', { count: task.dispatch.attempts }), ' · ', formatTime(last.at)));
}

function taskTable(tasks, reload) {
  return h('table', { class: 'list', id: 'task-list' },
    h('tr', {}, ['tasks.id', 'tasks.category', 'tasks.status', 'tasks.robot', 'tasks.phases', 'tasks.dispatch',
      'tasks.requested', 'tasks.reason', ''].map((k) => h('th', {}, k ? t(k) : ''))),
    tasks.map((task) => {
      const message = h('span', { class: 'error' });
      return h('tr', { 'data-task': task.booking.id, 'data-status': task.status },
        h('td', {}, raw(task.booking.id)), h('td', {}, tOr(`category.${task.category}`, task.category)),
        h('td', { class: `status status-${task.status}` }, tOr(`taskStatus.${task.status}`, task.status)),
        h('td', {}, task.assigned_to ? raw(task.assigned_to.name) : '—'),
        h('td', {}, phasesText(task)), h('td', {}, decision(task)),
        h('td', {}, formatTime(task.booking.unix_millis_request_time)),
        h('td', {}, task.reason ? raw(task.reason) : ''),
        h('td', {}, FINAL.includes(task.status) ? '' : h('button', { class: 'danger small cancel', onclick: async () => {
          try {
            await api(`/api/v1/tasks/${seg(task.booking.id)}/cancel`, { method: 'POST' });
            reload();
          } catch (e) {
            showProblem(message, e);
          }
        } }, t('tasks.cancel')), message));
    }));
}

function mount(container) {
  const list = h('div', { id: 'tasks' });
  const filter = h('select', { id: 'task-filter', onchange: () => reload() },
    h('option', { value: '' }, t('tasks.all')),
    ['queued', 'standby', 'underway', 'completed', 'failed', 'canceled'].map((s) => h('option', { value: s }, tOr(`taskStatus.${s}`, s))));
  // Task events come in bursts on a busy site: one load at a time, and one more after it (a second later) for
  // whatever changed meanwhile, rather than the whole list fetched and drawn again for every event.
  let loading = false;
  let again = false;
  async function reload() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      await load();
    } finally {
      loading = false;
      if (again) {
        again = false;
        setTimeout(reload, 1000);
      }
    }
  }
  async function load() {
    try {
      // Newest first, one page: finished tasks pile up for months, the page shows the latest of them.
      const query = `?order=desc&limit=200${filter.value ? `&status=${seg(filter.value)}` : ''}`;
      const { tasks } = await api(`/api/v1/tasks${query}`);
      const open = new Set([...list.querySelectorAll('details[open]')].map((d) => d.closest('tr')?.dataset.task));
      // Newest first: the task just requested is at the top.
      replace(list, taskTable(tasks.filter((x) => x.site === state.site.id), reload));
      open.forEach((id) => list.querySelector(`tr[data-task="${CSS.escape(id)}"] details`)?.setAttribute('open', ''));
    } catch (e) {
      showProblem(list, e);
    }
  }
  container.append(h('div', { class: 'page grid-2' }, requestForm(reload),
    h('div', {}, h('div', { class: 'panel-head' }, h('h2', {}, t('tasks.title')), filter), list)));
  reload();
  timer = setInterval(reload, REFRESH_MS);
  off = on('event', (e) => e.type === 'task' && reload());
}

function unmount() {
  clearInterval(timer);
  off?.();
}

export default { mount, unmount };
