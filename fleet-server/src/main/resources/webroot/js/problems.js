// Turns an API error into something people can read: the code in the console's language, then the server's own
// message (which names the field and the value) as it came.
import { h, raw } from './dom.js';
import { t, tOr } from './i18n.js';

export function problemNode(problem) {
  if (!problem) return '';
  const what = problem.code ? tOr(`error.${problem.code}`, t('error.error')) : t('error.error');
  return h('span', { class: 'problem' }, what, problem.message ? ': ' : '', problem.message ? raw(problem.message) : '');
}

/** Shows a problem in an element reserved for it (a form's error line); an empty problem clears it. */
export function showProblem(el, problem) {
  el.replaceChildren();
  if (problem) el.append(problemNode(problem));
}
