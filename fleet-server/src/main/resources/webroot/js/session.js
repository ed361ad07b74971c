// The signed-in token lives in sessionStorage only: it goes when the tab closes and is never written to disk by us.

const KEY = 'pg.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function keep(value) {
  sessionStorage.setItem(KEY, value);
}

export function forget() {
  sessionStorage.removeItem(KEY);
}

/** Who the token is, from GET /api/v1/whoami: {role: 'operator'|'vendor', firm?, actor}. Set after sign-in. */
export const who = { role: null, firm: null, actor: null };

export function isOperator() {
  return who.role === 'operator';
}
