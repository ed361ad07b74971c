// Events: recent events from the API, then every new one from the live feed, filtered by type, robot and firm;
// forms to report an intervention (a person helped a robot) or an incident; the robots' refused MQTT messages.
import { h, raw, replace } from '../dom.js';
import { t, tOr } from '../i18n.js';
import { api, seg } from '../api.js';
import { on } from '../events-bus.js';
import { isOperator } from '../session.js';
import { state } from '../store.js';
import { showProblem } from '../problems.js';
import { EVENT_TYPES, typeName, eventRow } from '../event-text.js';
import { refusedList } from './refused-list.js';

const SHOWN = 300;
let off = null;

function filters(onChange) {
  const type = h('select', { id: 'event-type', onchange: onChange },
    h('option', { value: '' }, t('events.allTypes')),
    EVENT_TYPES.map((ty) => h('option', { value: ty }, typeName(ty))));
  const robot = h('input', { id: 'event-robot', placeholder: t('events.robotPlaceholder'), onchange: onChange });
  const firm = h('select', { id: 'event-firm', onchange: onChange }, h('option', { value: '' }, t('events.allFirms')),
    state.firms.map((f) => h('option', { value: f.id, 'data-raw': '' }, f.name)));
  const samples = h('input', { type: 'checkbox', id: 'event-samples', onchange: onChange });
  return { type, robot, firm, samples, element: h('div', { class: 'filters actions' },
    h('label', {}, t('events.type'), ' ', type), h('label', {}, t('events.robot'), ' ', robot),
    h('label', {}, t('events.firm'), ' ', firm), h('label', { class: 'check' }, samples, t('events.withSamples'))) };
}

function robotSelect(id, optional) {
  const robots = [...state.robots.values()];
  return api(`/api/v1/robots?site=${seg(state.site.id)}`).then(({ robots: all }) => h('select', { id, name: 'robot' },
    optional ? h('option', { value: '' }, t('events.noRobot')) : '',
    (all.length ? all : robots).map((r) => h('option', { value: r.id, 'data-raw': '' }, `${r.serialNumber} (${r.id})`))));
}

async function interventionForm() {
  const message = h('p', { class: 'error', role: 'alert' });
  const robot = await robotSelect('intervention-robot', false);
  const kind = h('select', { name: 'kind', id: 'intervention-kind' },
    ['REMOTE_ASSIST', 'TELEOP', 'ON_SITE'].map((k) => h('option', { value: k }, tOr(`interventionKind.${k}`, k))));
  const reason = h('textarea', { name: 'reason', id: 'intervention-reason', rows: 2, maxlength: 2000, required: true });
  const seconds = h('input', { name: 'seconds', id: 'intervention-seconds', type: 'number', min: '0', step: '1', required: true });
  const form = h('form', { class: 'stack card', id: 'intervention-form', onsubmit: async (e) => {
    e.preventDefault();
    showProblem(message, null);
    try {
      await api(`/api/v1/robots/${seg(robot.value)}/interventions`, { method: 'POST',
        body: { kind: kind.value, reason: reason.value, resolveSeconds: seconds.valueAsNumber } });
      form.reset();
      message.textContent = t('events.recorded');
    } catch (err) {
      showProblem(message, err);
    }
  } }, h('h3', {}, t('events.intervention')), h('label', {}, t('events.robot'), robot), h('label', {}, t('events.kind'), kind),
  h('label', {}, t('events.reason'), reason), h('label', {}, t('events.resolveSeconds'), seconds),
  h('button', { type: 'submit', class: 'primary' }, t('events.report')), message);
  return form;
}

async function incidentForm() {
  const message = h('p', { class: 'error', role: 'alert' });
  // Without a robot an incident goes to the site's record, which only operators write.
  const robot = await robotSelect('incident-robot', isOperator());
  const severity = h('select', { name: 'severity', id: 'incident-severity' },
    ['MINOR', 'MODERATE', 'SERIOUS', 'CRITICAL'].map((s) => h('option', { value: s }, tOr(`severity.${s}`, s))));
  const text = h('textarea', { name: 'description', id: 'incident-description', rows: 2, maxlength: 2000, required: true });
  const form = h('form', { class: 'stack card', id: 'incident-form', onsubmit: async (e) => {
    e.preventDefault();
    showProblem(message, null);
    try {
      const body = { severity: severity.value, description: text.value };
      if (robot.value) body.robot = robot.value;
      await api(`/api/v1/sites/${seg(state.site.id)}/incidents`, { method: 'POST', body });
      form.reset();
      message.textContent = t('events.recorded');
    } catch (err) {
      showProblem(message, err);
    }
  } }, h('h3', {}, t('events.incident')), h('label', {}, t('events.robot'), robot),
  h('label', {}, t('events.severity'), severity), h('label', {}, t('events.description'), text),
  h('button', { type: 'submit', class: 'primary' }, t('events.report')), message);
  return form;
}

function mount(container) {
  const list = h('ul', { class: 'events', id: 'event-list' });
  let events = [];
  const f = filters(() => load());
  // Position samples come in big batches every 30 s per robot; they are shown only when asked for.
  const keep = (e) => e.site === state.site.id
    && (e.type !== 'state.samples' || f.samples.checked || f.type.value === 'state.samples')
    && (!f.type.value || e.type === f.type.value) && (!f.robot.value.trim() || e.robot === f.robot.value.trim())
    && (!f.firm.value || e.firm === f.firm.value);
  const render = () => replace(list, events.filter(keep).slice(0, SHOWN).map(eventRow));
  async function load() {
    const query = new URLSearchParams({ limit: '500' });
    if (f.type.value) query.set('type', f.type.value);
    if (f.robot.value.trim()) query.set('robot', f.robot.value.trim());
    try {
      events = (await api(`/api/v1/events?${query}`)).events.reverse();
      render();
    } catch (e) {
      showProblem(list, e);
    }
  }
  const forms = h('div', { class: 'event-forms' });
  // Refused messages sit under the forms, not under the events, whose list grows by the second.
  container.append(h('div', { class: 'page grid-2' }, h('div', {}, forms, refusedList()),
    h('div', {}, h('h2', {}, t('events.title')), f.element, list)));
  Promise.all([interventionForm(), incidentForm()]).then((made) => forms.append(...made))
    .catch((e) => showProblem(forms, e));
  load();
  off = on('event', (e) => {
    events.unshift(e);
    events.length = Math.min(events.length, 2000);
    if (keep(e)) {
      list.prepend(eventRow(e));
      while (list.children.length > SHOWN) list.lastChild.remove();
    }
  });
}

function unmount() {
  off?.();
}

export default { mount, unmount };
