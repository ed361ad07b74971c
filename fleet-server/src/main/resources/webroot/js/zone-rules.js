// A zone's rules as lines people read, in the console's language; used by the map's hover and the zone panel.
import { t, tOr, formatNumber } from './i18n.js';

export const ZONE_KINDS = ['OPERATING_AREA', 'KEEP_OUT', 'SPEED_LIMIT', 'CAUTION', 'CROSSWALK', 'DISINFECTION'];
export const ROBOT_KINDS = ['DELIVERY', 'SERVING', 'DISINFECTION'];
export const ACTIONS = ['LOG', 'ALERT', 'PAUSE', 'CANCEL'];
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export const kindName = (kind) => tOr(`zoneKind.${kind}`, kind);

/** [label, value] pairs for every rule the zone has; values that are ids (firms) stay as they are. */
export function ruleLines(properties) {
  const p = properties;
  const lines = [[t('zone.kind'), kindName(p.kind)]];
  if (p.kind === 'DISINFECTION') lines.push([t('zone.state'), t(p.state === 'CLOSED' ? 'zone.closed' : 'zone.open')]);
  if (p.maxSpeed !== undefined) lines.push([t('zone.maxSpeed'), t('unit.mps', { value: formatNumber(p.maxSpeed, 2) })]);
  if (p.robotKinds?.length) lines.push([t('zone.robotKinds'), p.robotKinds.map((k) => tOr(`robotKind.${k}`, k)).join(', ')]);
  if (p.firms?.length) lines.push([t('zone.firms'), { raw: p.firms.join(', ') }]);
  if (p.schedule?.length) lines.push([t('zone.schedule'), p.schedule.map(windowText).join('; ')]);
  if (p.maxRobots !== undefined) lines.push([t('zone.maxRobots'), formatNumber(p.maxRobots, 0)]);
  lines.push([t('zone.onViolation'), tOr(`action.${p.onViolation || 'ALERT'}`, p.onViolation)]);
  return lines;
}

export function windowText(w) {
  const days = w.days.length === 7 ? t('day.every') : w.days.map((d) => tOr(`dayShort.${d}`, d)).join(' ');
  return `${days} ${w.from}–${w.to}`;
}
