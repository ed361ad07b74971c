// Sign-in with a bearer token: the operator token the server wrote to DATA/operator.token, or a firm's vendor token.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { problemNode } from '../problems.js';

export function signInForm({ onSubmit, problem, languageSwitch }) {
  const input = h('input', {
    id: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    placeholder: t('signIn.placeholder'), 'aria-label': t('signIn.token'),
  });
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert' }, problemNode(problem));
  const button = h('button', { id: 'sign-in', type: 'submit', class: 'primary' }, t('signIn.submit'));
  const form = h('form', {
    class: 'sign-in',
    onsubmit: async (e) => {
      e.preventDefault();
      const value = input.value.trim();
      if (!value) {
        error.textContent = t('signIn.empty');
        return;
      }
      button.disabled = true;
      error.textContent = '';
      try {
        await onSubmit(value);
      } catch (err) {
        error.replaceChildren(err.status === 401 ? t('signIn.refused') : problemNode(err));
        button.disabled = false;
      }
    },
  },
  h('h1', {}, t('shell.brand')),
  h('p', {}, t('signIn.intro')),
  h('label', { for: 'token' }, t('signIn.token')), input,
  h('p', { class: 'hint' }, t('signIn.hintOperator')),
  h('p', { class: 'hint' }, t('signIn.hintVendor')),
  error, button,
  h('p', { class: 'hint' }, t('signIn.kept')),
  h('p', {}, h('a', { href: '/verify.html', id: 'sign-in-verify' }, t('verify.title'))),
  h('div', { class: 'language-row' }, languageSwitch));
  setTimeout(() => input.focus(), 0);
  return h('div', { class: 'sign-in-page' }, form);
}
