// The selected robot: whose it is, what model, battery, mode, errors, its task and order, when it last reported.
import { h, raw } from '../dom.js';
import { t, tOr, formatTime, formatNumber } from '../i18n.js';
import { api, seg } from '../api.js';
import { state } from '../store.js';
import { robotState } from '../map/robot-state.js';
import { showProblem } from '../problems.js';

/** `car`: the elevator car the robot rides in now, if any (its own reports still name the level it boarded on). */
export function robotPanel(robot, { task, car } = {}) {
  if (!robot) return h('p', { class: 'hint', id: 'robot-panel' }, t('robot.pick'));
  const firm = state.firms.find((f) => f.id === robot.firm);
  const s = robotState(robot);
  const message = h('p', { class: 'error', role: 'alert' });
  const row = (label, value, id) => h('tr', {}, h('th', {}, label), h('td', { id }, value));
  const pauseButton = (type, label) => h('button', {
    type: 'button', id: `robot-${type}`,
    onclick: async () => {
      try {
        await api(`/api/v1/robots/${seg(robot.id)}/instant-actions`, { method: 'POST', body: { actions: [{ actionType: type }] } });
        showProblem(message, null);
        message.textContent = t('robot.sent');
      } catch (e) {
        showProblem(message, e);
      }
    },
  }, label);
  return h('div', { id: 'robot-panel', 'data-robot': robot.id },
    h('h3', {}, raw(robot.serialNumber), ' ', h('span', { class: `state-chip state-${s}` }, t(`robotState.${s}`))),
    h('table', { class: 'facts' },
      row(t('robot.id'), raw(robot.id)),
      row(t('robot.firm'), raw(firm?.name || robot.firm), 'robot-firm'),
      row(t('robot.model'), [raw(robot.profile), ' · ', tOr(`robotKind.${robot.kind}`, robot.kind)]),
      row(t('robot.battery'), robot.battery == null ? '—'
        : [t('unit.percent', { value: formatNumber(robot.battery, 0) }), robot.charging ? [' ', t('robot.charging')] : '']),
      row(t('robot.connection'), tOr(`connection.${robot.connection}`, robot.connection)),
      row(t('robot.mode'), robot.operatingMode ? tOr(`mode.${robot.operatingMode}`, robot.operatingMode) : '—'),
      row(t('robot.speed'), robot.speed == null ? '—' : t('unit.mps', { value: formatNumber(robot.speed, 2) })),
      row(t('robot.position'), robot.position ? [raw(robot.position.mapId), ' ',
        `(${formatNumber(robot.position.x)}, ${formatNumber(robot.position.y)})`] : '—'),
      car ? row(t('robot.elevator'), h('span', { class: 'in-car' }, t('robot.inCar'), ' ', raw(car)), 'robot-car') : '',
      row(t('robot.errors'), robot.errors?.length ? h('ul', {}, robot.errors.map((e) => h('li', {}, raw(e)))) : t('robot.noErrors')),
      row(t('robot.task'), task ? [raw(task.booking.id), ' · ', tOr(`category.${task.category}`, task.category), ' · ',
        tOr(`taskStatus.${task.status}`, task.status)] : '—', 'robot-task'),
      row(t('robot.order'), robot.orderId ? raw(robot.orderId) : '—'),
      row(t('robot.lastNode'), robot.lastNodeId ? raw(robot.lastNodeId) : '—'),
      row(t('robot.lastState'), formatTime(robot.lastStateAt), 'robot-last-state')),
    h('div', { class: 'actions' }, pauseButton('startPause', t('robot.pause')), pauseButton('stopPause', t('robot.resume'))),
    message);
}
