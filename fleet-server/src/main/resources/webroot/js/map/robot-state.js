// What colour a robot is on the map: one state from what it last reported, most urgent first.

export const ROBOT_STATES = ['offline', 'error', 'paused', 'charging', 'driving', 'idle'];

export function robotState(robot) {
  if (robot.connection !== 'ONLINE') return 'offline';
  // The registry writes each VDA 5050 error as "<errorLevel> <errorType>[: description]".
  if ((robot.errors || []).some((e) => e.startsWith('FATAL'))) return 'error';
  if (robot.paused) return 'paused';
  if (robot.charging) return 'charging';
  if (robot.driving) return 'driving';
  return 'idle';
}
