// One dictionary per language (i18n/en.js, i18n/ko.js); every visible string of the console comes from them, and
// dates and numbers are written by the browser's Intl for the chosen language.
import en from './i18n/en.js';
import ko from './i18n/ko.js';
import { emit } from './events-bus.js';

const dictionaries = { en, ko };
const KEY = 'pg.lang';
let lang = pickLanguage();
let siteTimeZone = null;

function pickLanguage() {
  const saved = localStorage.getItem(KEY);
  if (saved && dictionaries[saved]) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function language() {
  return lang;
}

export function languages() {
  return Object.keys(dictionaries);
}

export function setLanguage(next) {
  if (!dictionaries[next]) throw new Error(`no dictionary for language "${next}"`);
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  emit('lang', next);
}

/** The time zone times are shown in: the site's, else Asia/Seoul for Korean (the trial zones are there), else the browser's. */
export function setSiteTimeZone(zone) {
  siteTimeZone = zone || null;
}

export function timeZone() {
  return siteTimeZone || (lang === 'ko' ? 'Asia/Seoul' : Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** t('robot.battery', {value: 80}) → the current language's text with {value} filled in; a missing key shows itself. */
export function t(key, params = {}) {
  let text = dictionaries[lang][key];
  if (text === undefined) {
    console.warn(`no "${lang}" text for ${key}`);
    text = dictionaries.en[key] ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
}

/** Like t, but a key the dictionary lacks (an enum value the server added later) falls back to the value itself. */
export function tOr(key, fallback) {
  return dictionaries[lang][key] ?? dictionaries.en[key] ?? fallback;
}

/** Whether the dictionaries have a text for `key` (for optional labels such as the headline KPIs). */
export function hasText(key) {
  return dictionaries.en[key] !== undefined;
}

const locales = { en: 'en-GB', ko: 'ko-KR' };

export function formatTime(value, { date = true, seconds = true } = {}) {
  if (value === null || value === undefined || value === '') return '—';
  const d = typeof value === 'number' ? new Date(value) : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone: timeZone(),
    year: date ? 'numeric' : undefined, month: date ? '2-digit' : undefined, day: date ? '2-digit' : undefined,
    hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hour12: false,
  }).format(d);
}

export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(value);
}
