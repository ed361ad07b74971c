// Refused messages: why the server turned away the robots' MQTT messages (GET /api/v1/rejections), which otherwise
// only the server log shows. The server decides what a token sees: a vendor gets only its own robots' refusals.
import { h, raw, replace } from '../dom.js';
import { t, tOr, formatTime, formatNumber } from '../i18n.js';
import { api } from '../api.js';
import { showProblem } from '../problems.js';

// Periods offered for `since`, in hours; '' is everything the server still keeps (its newest 1,000).
const PERIODS = ['1', '24', '168', ''];

function filters(onChange) {
  const robot = h('input', { id: 'refused-robot', placeholder: t('events.robotPlaceholder'), onchange: onChange });
  const since = h('select', { id: 'refused-since', onchange: onChange },
    PERIODS.map((p) => h('option', { value: p, selected: p === '24' }, t(p ? `refused.since.${p}` : 'refused.since.all'))));
  // Not clamped here: a number out of range goes to the server, whose refusal names the parameter.
  const limit = h('input', { id: 'refused-limit', type: 'number', min: '1', max: '1000', step: '1', value: '100',
    onchange: onChange });
  return { robot, since, limit, element: h('div', { class: 'filters actions' },
    h('label', {}, t('events.robot'), ' ', robot), h('label', {}, t('refused.period'), ' ', since),
    h('label', {}, t('refused.limit'), ' ', limit),
    h('button', { type: 'button', id: 'refused-refresh', onclick: onChange }, t('refused.refresh'))) };
}

function violationRow(v) {
  return h('li', { class: 'refused-violation' }, raw(v.pointer === '' ? '/' : v.pointer, 'code'), ' ', raw(v.message));
}

export function refusedRow(r) {
  return h('li', { class: 'refused', 'data-reason': r.reason },
    h('time', { datetime: r.at }, formatTime(r.at)), ' ',
    h('span', { class: 'event-type' }, tOr(`refusedReason.${r.reason}`, r.reason)), ' ',
    r.robotId ? raw(r.robotId, 'span', { class: 'event-robot' }) : h('span', { class: 'muted' }, t('refused.noRobot')), ' ',
    r.topic ? raw(r.topic, 'code', { class: 'refused-topic' }) : '',
    h('div', { class: 'refused-message' }, raw(r.message)),
    r.violations.length ? h('ul', { class: 'refused-violations' }, r.violations.map(violationRow)) : '');
}

/** The refused-messages card: filters (robot, period, how many) and the list, newest first. */
export function refusedList() {
  const list = h('ul', { class: 'events', id: 'refused-list' });
  const count = h('p', { class: 'muted', id: 'refused-count' });
  const f = filters(() => load());
  async function load() {
    const query = new URLSearchParams({ limit: f.limit.value || '100' });
    if (f.robot.value.trim()) query.set('robot', f.robot.value.trim());
    if (f.since.value) query.set('since', new Date(Date.now() - Number(f.since.value) * 3600_000).toISOString());
    try {
      const { rejections } = await api(`/api/v1/rejections?${query}`);
      count.textContent = rejections.length ? t('refused.count', { count: formatNumber(rejections.length, 0) })
        : t('refused.none');
      replace(list, rejections.map(refusedRow));
    } catch (e) {
      count.textContent = '';
      showProblem(list, e);
    }
  }
  load();
  return h('section', { class: 'refused-messages', id: 'refused-messages' }, h('h2', {}, t('refused.title')),
    h('p', { class: 'muted' }, t('refused.intro')), f.element, count, list);
}
