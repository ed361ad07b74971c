// The offline verifier page (/verify.html): drop a track-record bundle, it is checked here in the browser. It needs
// no sign-in and calls no API; a recipient can save the page and use it without the server.
import { h, raw, replace } from './dom.js';
import { t, language, languages, setLanguage, formatNumber } from './i18n.js';
import { on } from './events-bus.js';
import { verifyBundle } from './verify/bundle-verifier.js';

const app = document.getElementById('app');
let last = null; // the last result, shown again after a language switch

function render() {
  document.documentElement.lang = language();
  document.title = t('verify.title');
  const names = { en: 'English', ko: '한국어' };
  const result = h('div', { id: 'verify-result', role: 'status' });
  const key = h('textarea', { id: 'verify-key', rows: 2, spellcheck: 'false', placeholder: t('verify.keyPlaceholder') });
  const input = h('input', { type: 'file', id: 'verify-file', accept: '.zip,application/zip',
    onchange: () => input.files[0] && check(input.files[0]) });
  async function check(file) {
    replace(result, h('p', { class: 'hint' }, t('verify.checking')));
    last = { name: file.name, outcome: await verifyBundle(await file.arrayBuffer(), key.value) };
    show(result);
  }
  const zone = h('div', { id: 'verify-drop', class: 'drop-zone',
    ondragover: (e) => { e.preventDefault(); zone.classList.add('over'); },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: (e) => { e.preventDefault(); zone.classList.remove('over'); if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]); },
  }, h('p', {}, t('verify.drop')), input);
  replace(app, h('header', { class: 'shell' }, h('span', { class: 'brand' }, t('shell.brand')),
    h('span', {}, t('verify.title')), h('span', { class: 'spacer' }),
    h('a', { href: '/', class: 'back' }, t('verify.back')),
    h('select', { id: 'language', 'aria-label': t('shell.language'), onchange: (e) => setLanguage(e.target.value) },
      languages().map((l) => h('option', { value: l, selected: l === language(), 'data-raw': '' }, names[l])))),
  h('main', { class: 'page verify-page' },
    h('p', {}, t('verify.intro')), zone,
    h('label', { class: 'field-block' }, t('verify.key'), key), h('p', { class: 'hint' }, t('verify.keyHint')),
    result));
  if (last) show(result);
}

function show(result) {
  const { name, outcome } = last;
  replace(result, outcome.valid
    ? h('div', { class: 'verdict valid', 'data-valid': 'true' }, h('h2', {}, t('verify.valid')), h('p', {},
      t('verify.validDetail', { count: formatNumber(outcome.end - outcome.start, 0), size: formatNumber(outcome.size, 0) }), ' ',
      raw(outcome.origin, 'code'), ' · ', raw(outcome.key, 'code'), ' · ', t(outcome.pinned ? 'verify.pinned' : 'verify.notPinned')),
    h('p', { class: 'hint' }, raw(name)))
    : h('div', { class: 'verdict invalid', 'data-valid': 'false' }, h('h2', {}, t('verify.invalid')),
      raw(outcome.problem, 'p', { id: 'verify-problem' }), h('p', { class: 'hint' }, raw(name))));
}

on('lang', render);
render();
