// Pages by URL fragment (#/map, #/tasks ...) so the browser's back button and a reload keep the page.
import { emit } from './events-bus.js';

const pages = new Map();
let current = null;
let container = null;

export function register(name, page) {
  pages.set(name, page);
}

export function names() {
  return [...pages.keys()];
}

export function start(into) {
  container = into;
  window.addEventListener('hashchange', show);
  show();
}

export function currentName() {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  return pages.has(name) ? name : 'map';
}

/** Shows the page the fragment names (the map when it names none); the page before it is told to let go. */
export function show() {
  if (!container) return;
  if (current?.unmount) current.unmount();
  const name = currentName();
  current = pages.get(name);
  container.replaceChildren();
  current.mount(container);
  emit('page', name);
}

export function stop() {
  window.removeEventListener('hashchange', show);
  if (current?.unmount) current.unmount();
  current = null;
}
