// The two WebSockets: /api/v1/live/robots (robots of the shown level, coalesced by the server) and /api/v1/live
// (every track-record event the token may see). Both reconnect by themselves; the token goes as access_token
// because browsers cannot set headers on a WebSocket.
import { token } from './session.js';
import { emit } from './events-bus.js';
import { state } from './store.js';

const RETRY_MAX_MS = 10000;

function socketUrl(path, params) {
  const url = new URL(path, location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [k, v] of Object.entries({ ...params, access_token: token() })) if (v) url.searchParams.set(k, v);
  return url.toString();
}

/** A WebSocket that comes back after a drop, waiting longer each time up to RETRY_MAX_MS. */
class Resilient {
  constructor(name, path, onMessage) {
    this.name = name;
    this.path = path;
    this.onMessage = onMessage;
    this.params = {};
    this.retryMs = 500;
    this.socket = null;
    this.stopped = true;
  }

  open(params) {
    this.params = params || {};
    this.stopped = false;
    this.close(false);
    const ws = new WebSocket(socketUrl(this.path, this.params));
    this.socket = ws;
    ws.onopen = () => {
      this.retryMs = 500;
      emit('live:status', { feed: this.name, up: true });
    };
    ws.onmessage = (m) => {
      try {
        this.onMessage(JSON.parse(m.data));
      } catch (e) {
        console.error(`${this.name}: bad message`, e);
      }
    };
    ws.onclose = () => {
      if (this.socket !== ws) return; // replaced on purpose
      emit('live:status', { feed: this.name, up: false });
      if (this.stopped) return;
      setTimeout(() => !this.stopped && this.socket === ws && this.open(this.params), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    };
  }

  close(stop = true) {
    if (stop) this.stopped = true;
    const ws = this.socket;
    this.socket = null;
    if (ws) ws.close();
  }
}

const robots = new Resilient('robots', '/api/v1/live/robots', (message) => {
  if (message.snapshot) state.robots.clear();
  for (const r of message.robots || []) state.robots.set(r.id, r);
  emit('robots', { robots: message.robots || [], snapshot: Boolean(message.snapshot) });
});

const events = new Resilient('events', '/api/v1/live', (event) => emit('event', event));

/** Follows the robots of one level of one site; called again on every level switch. */
export function followLevel(site, level) {
  robots.open({ site, level });
}

export function followEvents() {
  events.open();
}

export function stopAll() {
  robots.close();
  events.close();
}
