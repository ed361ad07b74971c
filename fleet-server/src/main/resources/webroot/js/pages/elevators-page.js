// Elevators: each car's mode, floor, doors and riders as its controller last reported; the ride queue; the
// boarding rules, which operators edit here.
import { h, raw, replace } from '../dom.js';
import { t, tOr, formatTime, formatNumber } from '../i18n.js';
import { api, seg } from '../api.js';
import { isOperator } from '../session.js';
import { state } from '../store.js';
import { showProblem } from '../problems.js';
import { ROBOT_KINDS, DAYS, windowText } from '../zone-rules.js';

const REFRESH_MS = 2000;
const POLICIES = ['ROBOT_ONLY', 'SHARED', 'SHARED_OUTSIDE_PEAK'];
let timer = null;

function carsTable(elevator) {
  return h('table', { class: 'list' },
    h('tr', {}, ['elevators.car', 'elevators.mode', 'elevators.floor', 'elevators.destination', 'elevators.doors',
      'elevators.motion', 'elevators.robots', 'elevators.passengers', 'elevators.reported'].map((k) => h('th', {}, t(k)))),
    elevator.cars.map((c) => {
      const s = c.state;
      return h('tr', { 'data-car': c.id },
        h('td', {}, raw(c.id), h('div', { class: 'hint' }, raw(c.levels.join(' · ')))),
        h('td', {}, s ? tOr(`liftMode.${s.mode}`, s.mode) : t('elevators.noState')),
        h('td', {}, s ? raw(s.floor) : '—'), h('td', {}, s?.destinationFloor ? raw(s.destinationFloor) : '—'),
        h('td', {}, s ? tOr(`doors.${s.doors}`, s.doors) : '—'), h('td', {}, s ? tOr(`motion.${s.motion}`, s.motion) : '—'),
        h('td', {}, s?.robots?.length ? raw(s.robots.join(', ')) : '—'),
        h('td', {}, s?.passengers === undefined ? '—' : formatNumber(s.passengers, 0)),
        h('td', {}, s ? formatTime(s.receivedAt || s.reportedAt) : '—'));
    }));
}

function rulesView(rules) {
  return h('table', { class: 'facts' },
    h('tr', {}, h('th', {}, t('elevators.allowedKinds')), h('td', {}, rules.allowedKinds.map((k) => tOr(`robotKind.${k}`, k)).join(', ') || '—')),
    h('tr', {}, h('th', {}, t('elevators.maxRobotsPerCar')), h('td', {}, formatNumber(rules.maxRobotsPerCar, 0))),
    h('tr', {}, h('th', {}, t('elevators.passengerPolicy')), h('td', {}, tOr(`policy.${rules.passengerPolicy}`, rules.passengerPolicy))),
    h('tr', {}, h('th', {}, t('elevators.peakWindows')), h('td', {}, (rules.peakWindows || []).map(windowText).join('; ') || '—')),
    h('tr', {}, h('th', {}, t('elevators.serviceHours')), h('td', {}, rules.serviceHours ? rules.serviceHours.map(windowText).join('; ') : t('elevators.always'))));
}

/** One weekly window as text people write: "MONDAY,FRIDAY 09:00-18:00"; a blank line is no window. */
function windowsToText(windows) {
  return (windows || []).map((w) => `${w.days.join(',')} ${w.from}-${w.to}`).join('\n');
}

function textToWindows(text, field) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const m = line.match(/^([A-Z,]+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i);
    if (!m) throw new Error(t('elevators.badWindow', { field, line }));
    const days = m[1].toUpperCase().split(',').filter(Boolean);
    const unknown = days.find((d) => !DAYS.includes(d));
    if (unknown) throw new Error(t('elevators.badDay', { field, day: unknown }));
    return { days, from: m[2], to: m[3] };
  });
}

function rulesEditor(elevator, reload) {
  const r = elevator.rules;
  const message = h('p', { class: 'error', role: 'alert' });
  const kinds = ROBOT_KINDS.map((k) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'kind', value: k, checked: r.allowedKinds.includes(k) }), tOr(`robotKind.${k}`, k)));
  const max = h('input', { type: 'number', name: 'max', min: '1', step: '1', value: r.maxRobotsPerCar });
  const policy = h('select', { name: 'policy' }, POLICIES.map((p) => h('option', { value: p, selected: p === r.passengerPolicy },
    tOr(`policy.${p}`, p))));
  const peaks = h('textarea', { name: 'peaks', rows: 2 }, windowsToText(r.peakWindows));
  const hours = h('textarea', { name: 'hours', rows: 2 }, windowsToText(r.serviceHours));
  const form = h('form', { class: 'stack', 'data-elevator': elevator.id, onsubmit: async (e) => {
    e.preventDefault();
    showProblem(message, null);
    try {
      const body = {
        allowedKinds: [...form.querySelectorAll('input[name=kind]:checked')].map((i) => i.value),
        maxRobotsPerCar: max.valueAsNumber, passengerPolicy: policy.value,
        peakWindows: textToWindows(peaks.value, t('elevators.peakWindows')),
        serviceHours: hours.value.trim() ? textToWindows(hours.value, t('elevators.serviceHours')) : null,
      };
      await api(`/api/v1/sites/${seg(state.site.id)}/elevators/${seg(elevator.id)}/rules`, { method: 'PUT', body });
      message.textContent = t('elevators.saved');
      reload();
    } catch (err) {
      if (err.status !== undefined) showProblem(message, err);
      else message.textContent = err.message;
    }
  } },
  h('fieldset', {}, h('legend', {}, t('elevators.allowedKinds')), kinds),
  h('label', {}, t('elevators.maxRobotsPerCar'), max), h('label', {}, t('elevators.passengerPolicy'), policy),
  h('label', {}, t('elevators.peakWindows'), peaks), h('label', {}, t('elevators.serviceHours'), hours),
  h('p', { class: 'hint' }, t('elevators.windowHint')),
  h('button', { type: 'submit', class: 'primary' }, t('elevators.saveRules')), message);
  return h('details', { class: 'rules-editor' }, h('summary', {}, t('elevators.editRules')), form);
}

function mount(container) {
  const list = h('div', { id: 'elevators' });
  const editors = new Map(); // elevator id → its editor, kept across refreshes so typing is not lost
  async function reload() {
    try {
      const { elevators } = await api(`/api/v1/sites/${seg(state.site.id)}/elevators`);
      replace(list, elevators.length ? elevators.map((e) => {
        if (isOperator() && !editors.has(e.id)) editors.set(e.id, rulesEditor(e, () => { editors.delete(e.id); reload(); }));
        return h('section', { class: 'card elevator', 'data-elevator': e.id },
          h('h3', {}, raw(e.name || e.id), ' ', h('small', {}, raw(e.id))),
          carsTable(e),
          h('p', {}, h('strong', {}, t('elevators.queue')), ' ', e.queue.length ? raw(e.queue.join(' → ')) : t('elevators.queueEmpty')),
          h('h4', {}, t('elevators.rules')), rulesView(e.rules), isOperator() ? editors.get(e.id) : '');
      }) : h('p', { class: 'hint' }, t('elevators.none')));
    } catch (e) {
      showProblem(list, e);
    }
  }
  container.append(h('div', { class: 'page' }, h('h2', {}, t('elevators.title')), list));
  reload();
  timer = setInterval(() => {
    // A rules form someone is filling in is not rebuilt under their hands.
    if (!list.querySelector('details.rules-editor[open]')) reload();
  }, REFRESH_MS);
}

function unmount() {
  clearInterval(timer);
}

export default { mount, unmount };
