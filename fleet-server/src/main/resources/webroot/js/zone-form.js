// The form for a zone's kind and rules. It reads what people typed into zone properties as docs/ZONES.md names
// them; the server checks them and its answer says what is wrong, field by field.
import { h, raw } from './dom.js';
import { t, tOr } from './i18n.js';
import { state } from './store.js';
import { ZONE_KINDS, ROBOT_KINDS, ACTIONS, DAYS, kindName } from './zone-rules.js';

/** Builds the form for `feature` (null for a new zone); returns {element, read()}. */
export function zoneForm(feature) {
  const p = feature?.properties || { kind: 'KEEP_OUT', onViolation: 'PAUSE' };
  const isNew = !feature;
  const idInput = h('input', { id: 'zone-id', name: 'id', value: feature ? String(feature.id) : '', disabled: !isNew,
    pattern: '[A-Za-z0-9._-]+', placeholder: t('zoneForm.idPlaceholder') });
  const nameInput = h('input', { id: 'zone-name', name: 'name', value: p.name || '' });
  const kind = h('select', { id: 'zone-kind', name: 'kind' },
    ZONE_KINDS.map((k) => h('option', { value: k, selected: k === p.kind }, kindName(k))));
  const maxSpeed = h('input', { id: 'zone-max-speed', name: 'maxSpeed', type: 'number', min: '0', step: '0.1',
    value: p.maxSpeed ?? '' });
  const maxRobots = h('input', { id: 'zone-max-robots', name: 'maxRobots', type: 'number', min: '1', step: '1',
    value: p.maxRobots ?? '' });
  const onViolation = h('select', { id: 'zone-on-violation', name: 'onViolation' },
    ACTIONS.map((a) => h('option', { value: a, selected: a === (p.onViolation || 'ALERT') }, tOr(`action.${a}`, a))));
  const robotKinds = ROBOT_KINDS.map((k) => checkbox('zone-robot-kind', k, (p.robotKinds || []).includes(k),
    tOr(`robotKind.${k}`, k)));
  const firms = state.firms.map((f) => checkbox('zone-firm', f.id, (p.firms || []).includes(f.id), raw(f.name)));
  const scheduleRows = h('div', { class: 'schedule-rows' });
  for (const w of p.schedule || []) scheduleRows.append(scheduleRow(w));
  const addWindow = h('button', { type: 'button', id: 'zone-add-window',
    onclick: () => scheduleRows.append(scheduleRow({ days: DAYS.slice(0, 5), from: '09:00', to: '18:00' })) },
  t('zoneForm.addWindow'));

  const element = h('div', { class: 'zone-form' },
    field(t('zoneForm.id'), idInput), field(t('zoneForm.name'), nameInput), field(t('zone.kind'), kind),
    field(t('zone.maxSpeed'), maxSpeed, t('unit.mpsShort')), field(t('zone.maxRobots'), maxRobots),
    field(t('zone.onViolation'), onViolation),
    h('fieldset', {}, h('legend', {}, t('zone.robotKinds')), robotKinds, h('p', { class: 'hint' }, t('zoneForm.allKinds'))),
    h('fieldset', {}, h('legend', {}, t('zone.firms')), firms, h('p', { class: 'hint' }, t('zoneForm.allFirms'))),
    h('fieldset', {}, h('legend', {}, t('zone.schedule')), scheduleRows, addWindow,
      h('p', { class: 'hint' }, t('zoneForm.always'))));

  function read() {
    const out = { level: p.level || state.level, kind: kind.value };
    if (nameInput.value.trim()) out.name = nameInput.value.trim();
    // A number field the browser cannot read as a number is sent as text so the server names the problem.
    const number = (input) => (input.value === '' ? undefined
      : Number.isNaN(input.valueAsNumber) ? input.value : input.valueAsNumber);
    if (number(maxSpeed) !== undefined) out.maxSpeed = number(maxSpeed);
    if (number(maxRobots) !== undefined) out.maxRobots = number(maxRobots);
    out.onViolation = onViolation.value;
    const kinds = checked(element, 'zone-robot-kind');
    if (kinds.length) out.robotKinds = kinds;
    const firmIds = checked(element, 'zone-firm');
    if (firmIds.length) out.firms = firmIds;
    const schedule = [...scheduleRows.children].map((row) => ({
      days: checked(row, 'zone-day'), from: row.querySelector('.from').value, to: row.querySelector('.to').value,
    }));
    if (schedule.length) out.schedule = schedule;
    if (kind.value === 'DISINFECTION') out.state = p.state || 'OPEN';
    return { id: idInput.value.trim() || undefined, properties: out };
  }

  return { element, read };
}

function field(label, input, unit) {
  return h('label', { class: 'field' }, h('span', {}, label), input, unit ? h('span', { class: 'unit' }, unit) : '');
}

function checkbox(name, value, on, label) {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value, checked: on }), label);
}

function checked(root, name) {
  return [...root.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
}

function scheduleRow(w) {
  const row = h('div', { class: 'schedule-row' },
    DAYS.map((d) => checkbox('zone-day', d, w.days.includes(d), tOr(`dayShort.${d}`, d))),
    h('input', { type: 'time', class: 'from', value: w.from, 'aria-label': t('zoneForm.from') }),
    h('input', { type: 'time', class: 'to', value: w.to, 'aria-label': t('zoneForm.to') }),
    h('button', { type: 'button', class: 'remove', onclick: () => row.remove() }, t('zoneForm.removeWindow')));
  return row;
}
