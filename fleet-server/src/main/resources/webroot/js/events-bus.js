// A tiny publish/subscribe hub so the live feeds, the map and the pages stay unaware of each other.

const listeners = new Map();

export function on(topic, fn) {
  if (!listeners.has(topic)) listeners.set(topic, new Set());
  listeners.get(topic).add(fn);
  return () => listeners.get(topic)?.delete(fn);
}

export function emit(topic, payload) {
  for (const fn of listeners.get(topic) || []) {
    try {
      fn(payload);
    } catch (e) {
      console.error(`listener of ${topic} failed`, e);
    }
  }
}
