// Builds DOM nodes from data without ever parsing it as HTML: names and messages from the API may hold anything.

/**
 * h('button', {class: 'x', onclick: fn, 'data-i18n': 'key'}, 'text', child, ...)
 * Attributes starting with "on" become listeners; null/undefined/false attributes and children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') el.value = value;
    else if (name === 'checked' || name === 'selected' || name === 'disabled') el[name] = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A value from the API shown as it is (an id, a name): kept out of the untranslated-text check. */
export function raw(text, tag = 'span', attrs = {}) {
  return h(tag, { ...attrs, 'data-raw': '' }, text === null || text === undefined ? '' : String(text));
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}
