// Every call to the server goes through here, with the signed-in token; the server alone decides what it may do.
import { token } from './session.js';
import { emit } from './events-bus.js';

/** An error answer of the API: {error: {code, message, details}} with its HTTP status. */
export class ApiProblem extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

/**
 * api('/api/v1/robots') → parsed JSON; options: method, body (object → JSON, string or Blob/File → as is), type (content type),
 * as: 'text' | 'response' to get the body as text or the raw Response (for downloads).
 */
export async function api(path, { method = 'GET', body, type, as } = {}) {
  const headers = { Authorization: `Bearer ${token()}` };
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
    headers['Content-Type'] = type || 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiProblem(0, 'network', `the server did not answer: ${e.message}`);
  }
  if (!response.ok) {
    let error = { code: 'error', message: `${method} ${path} failed with status ${response.status}` };
    try {
      error = (await response.json()).error || error;
    } catch (e) {
      // not the API's JSON error shape (a proxy's page, say): keep the status message
    }
    const problem = new ApiProblem(response.status, error.code, error.message, error.details);
    if (response.status === 401) emit('session:expired', problem);
    throw problem;
  }
  if (as === 'response') return response;
  if (as === 'text') return response.text();
  if (response.status === 204) return null;
  return response.json();
}

/** Encodes one path segment (site, zone and robot ids come from the server but may hold any character). */
export const seg = encodeURIComponent;
