// One track-record event (docs/EVENTS.md) as a line people read: time, what happened, which robot, the details.
import { h, raw } from './dom.js';
import { t, tOr, formatTime, formatNumber } from './i18n.js';

export const EVENT_TYPES = ['robot.link', 'state.samples', 'task', 'geofence', 'overspeed', 'estop', 'intervention',
  'incident', 'elevator.ride', 'elevator.refusal', 'uvc.lamp', 'config.change', 'robot.error'];

export const typeName = (type) => tOr(`eventType.${type}`, type);

/** The details of an event: translated words around the ids it names (kept as they are). */
export function eventDetail(e) {
  const word = (prefix, value) => tOr(`${prefix}.${value}`, value);
  switch (e.type) {
    case 'robot.link':
      return [word('link', e.state), e.detail ? [' — ', raw(e.detail)] : ''];
    case 'geofence':
      return [word('transition', e.transition), ' ', raw(e.zone),
        e.rule ? [' · ', word('rule', e.rule)] : '',
        e.action ? [' · ', word('action', e.action)] : '',
        e.durationSeconds !== undefined ? [' · ', t('unit.seconds', { value: formatNumber(e.durationSeconds) })] : ''];
    case 'overspeed':
      return [raw(e.zone), ' · ', t('event.overspeed', {
        max: formatNumber(e.maxSpeed, 2), limit: formatNumber(e.limit, 2), seconds: formatNumber(e.durationSeconds) })];
    case 'task':
      return [raw(e.taskId), ' ', word('taskPhase', e.phase), ' · ', word('category', e.kind),
        e.reason ? [' — ', raw(e.reason)] : ''];
    case 'estop':
      return [word('estopPhase', e.phase), ' · ', word('estopSource', e.source), e.detail ? [' — ', raw(e.detail)] : ''];
    case 'intervention':
      return [word('interventionKind', e.kind), ' · ', t('unit.seconds', { value: formatNumber(e.resolveSeconds) }),
        ' — ', raw(e.reason)];
    case 'incident':
      return [word('severity', e.severity), ' — ', raw(e.description), ' · ', raw(e.reportedBy)];
    case 'elevator.ride':
      return [raw(e.car), ' ', raw(e.fromFloor), '→', raw(e.toFloor), ' · ', word('rideOutcome', e.outcome),
        e.failure ? [' — ', raw(e.failure)] : ''];
    case 'elevator.refusal':
      return [raw(e.elevator), ' ', raw(e.fromFloor), '→', raw(e.toFloor), ' · ', word('refusalRule', e.rule),
        ' — ', raw(e.reason)];
    case 'uvc.lamp':
      return [word('lampPhase', e.phase), ' · ', word('lampCause', e.cause)];
    case 'robot.error':
      return [word('errorPhase', e.phase), ' · ', word('errorLevel', e.level), ' ', raw(e.errorType),
        e.description ? [' — ', raw(e.description)] : '',
        e.durationSeconds !== undefined ? [' · ', t('unit.seconds', { value: formatNumber(e.durationSeconds) })] : ''];
    case 'config.change':
      return [word('configAction', e.action), ' ', word('configTarget', e.target), ' ', raw(e.targetId), ' · ', raw(e.actor)];
    case 'state.samples':
      return [t('event.samples', { count: e.samples?.length ?? 0 })];
    default:
      return [raw(JSON.stringify(e))];
  }
}

export function eventRow(e) {
  const violation = e.type === 'geofence' && (e.transition === 'VIOLATION_STARTED' || e.transition === 'VIOLATION');
  return h('li', { class: `event event-${e.type.replace('.', '-')}${violation ? ' violation' : ''}`, 'data-type': e.type },
    h('time', { datetime: e.time }, formatTime(e.time, { date: false })), ' ',
    h('span', { class: 'event-type' }, typeName(e.type)), ' ',
    e.robot ? raw(e.robot, 'span', { class: 'event-robot' }) : '', ' ',
    h('span', { class: 'event-detail' }, eventDetail(e)));
}
