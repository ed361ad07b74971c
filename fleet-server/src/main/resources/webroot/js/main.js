// Boots the console: sign-in, then the shell (navigation, site, language) around the page the URL names.
import { h, raw, replace } from './dom.js';
import { api, ApiProblem } from './api.js';
import { keep, forget, token, who, isOperator } from './session.js';
import { t, language, languages, setLanguage } from './i18n.js';
import { on } from './events-bus.js';
import { state, loadSites, chooseSite } from './store.js';
import * as router from './router.js';
import * as live from './live.js';
import mapPage from './pages/map-page.js';
import tasksPage from './pages/tasks-page.js';
import elevatorsPage from './pages/elevators-page.js';
import eventsPage from './pages/events-page.js';
import evidencePage from './pages/evidence-page.js';
import { signInForm } from './pages/sign-in.js';

router.register('map', mapPage);
router.register('tasks', tasksPage);
router.register('elevators', elevatorsPage);
router.register('events', eventsPage);
router.register('evidence', evidencePage);

const app = document.getElementById('app');
let signedIn = false;

async function signIn(candidate) {
  keep(candidate);
  try {
    Object.assign(who, { firm: null }, await api('/api/v1/whoami'));
    await loadSites();
  } catch (e) {
    forget();
    throw e;
  }
  signedIn = true;
  live.followEvents();
  renderShell();
}

function signOut() {
  signedIn = false;
  router.stop();
  live.stopAll();
  forget();
  Object.assign(who, { role: null, firm: null, actor: null });
  renderSignIn();
}

function renderSignIn(problem) {
  replace(app, signInForm({ onSubmit: signIn, problem, languageSwitch: languageSwitch() }));
}

function languageSwitch() {
  const names = { en: 'English', ko: '한국어' };
  return h('select', {
    id: 'language', 'aria-label': t('shell.language'),
    onchange: (e) => setLanguage(e.target.value),
  }, languages().map((l) => h('option', { value: l, selected: l === language(), 'data-raw': '' }, names[l])));
}

function renderShell() {
  const nav = h('nav', { class: 'tabs' }, router.names().map((name) =>
    h('a', { href: `#/${name}`, id: `nav-${name}`, class: name === router.currentName() ? 'active' : '' },
      t(`nav.${name}`))),
    // The verifier is a page of its own: it needs no token and calls no API.
    h('a', { href: '/verify.html', id: 'nav-verify' }, t('nav.verify')));
  const siteSelect = state.sites.length > 1
    ? h('select', { id: 'site', onchange: (e) => chooseSite(e.target.value).then(() => router.show()) },
      state.sites.map((s) => h('option', { value: s.id, selected: s.id === state.site.id, 'data-raw': '' }, s.name)))
    : raw(state.site.name, 'span', { id: 'site', class: 'site-name' });
  const role = isOperator()
    ? h('span', { class: 'badge operator', id: 'who' }, t('shell.operator'))
    : h('span', { class: 'badge vendor', id: 'who' }, t('shell.vendor'), ' ', raw(who.firm));
  const header = h('header', { class: 'shell' },
    h('span', { class: 'brand' }, t('shell.brand')), siteSelect, nav,
    h('span', { class: 'spacer' }),
    h('span', { id: 'live-status', class: 'live down', title: t('shell.liveDown') }, t('shell.live')),
    role, languageSwitch(),
    h('button', { id: 'sign-out', onclick: signOut }, t('shell.signOut')));
  const main = h('main', { id: 'page' });
  replace(app, header, main);
  router.start(main);
}

on('page', (name) => {
  document.querySelectorAll('nav.tabs a').forEach((a) => a.classList.toggle('active', a.id === `nav-${name}`));
});

on('live:status', ({ feed, up }) => {
  const el = document.getElementById('live-status');
  if (!el || feed !== 'events') return;
  el.classList.toggle('down', !up);
  el.title = up ? t('shell.liveUp') : t('shell.liveDown');
});

on('lang', () => {
  if (!signedIn) {
    renderSignIn();
    return;
  }
  router.stop();
  renderShell();
});

on('session:expired', () => {
  if (signedIn) {
    signOut();
    renderSignIn(new ApiProblem(401, 'unauthorized', t('signIn.expired')));
  }
});

document.documentElement.lang = language();
document.title = t('shell.brand');
if (token()) {
  signIn(token()).catch((e) => renderSignIn(e));
} else {
  renderSignIn();
}
