// Evidence: for a firm (a vendor: its own), a robot and a period — the latest signed checkpoint of the firm's log,
// and its export bundle downloaded with progress, with the bundle's KPIs shown at a glance.
import { h, raw, replace } from '../dom.js';
import { t, hasText, formatNumber, formatTime } from '../i18n.js';
import { api, seg } from '../api.js';
import { who, isOperator } from '../session.js';
import { state } from '../store.js';
import { showProblem } from '../problems.js';
import { unzip } from '../zip.js';

let savedUrl = null;

/** A C2SP checkpoint body: origin, tree size, root hash; then the signature lines of the signed note. */
function checkpointView(note) {
  const [origin, size, root] = note.split('\n');
  return h('div', { id: 'checkpoint' },
    h('table', { class: 'facts' },
      h('tr', {}, h('th', {}, t('evidence.origin')), h('td', {}, raw(origin))),
      h('tr', {}, h('th', {}, t('evidence.treeSize')), h('td', {}, formatNumber(Number(size), 0))),
      h('tr', {}, h('th', {}, t('evidence.rootHash')), h('td', {}, raw(root, 'code')))),
    h('details', {}, h('summary', {}, t('evidence.signedNote')), raw(note, 'pre', { class: 'note' })));
}

/** The headline KPIs (those the dictionaries name) as cards; every other metric of the bundle in a table below. */
function kpiView(report) {
  const value = (m) => (m.value === null ? '—' : formatNumber(Number(m.value), 2));
  const unit = (m) => (hasText(`kpiUnit.${m.unit}`) ? t(`kpiUnit.${m.unit}`) : raw(m.unit));
  const headline = report.metrics.filter((m) => hasText(`kpi.${m.name}`));
  const rest = report.metrics.filter((m) => !hasText(`kpi.${m.name}`));
  return h('div', { id: 'kpis' },
    h('p', { class: 'hint' }, t('evidence.kpiScope', {
      from: report.scope.from ? formatTime(report.scope.from) : t('evidence.start'),
      to: report.scope.to ? formatTime(report.scope.to) : t('evidence.now'),
      events: formatNumber(report.eventsInScope, 0) })),
    // A rate's note ("not enough data: …") is the bundle's own words, shown on hover.
    h('div', { class: 'kpis' }, headline.map((m) => h('div', { class: 'kpi', 'data-metric': m.name, title: m.note || '' },
      h('div', { class: 'value' }, value(m), ' ', h('small', {}, unit(m))),
      h('div', { class: 'label' }, t(`kpi.${m.name}`))))),
    rest.length ? h('details', {}, h('summary', {}, t('evidence.allMetrics', { count: rest.length })),
      h('table', { class: 'list' }, rest.map((m) => h('tr', {}, h('td', {}, raw(m.name, 'code')),
        h('td', {}, value(m), ' ', unit(m)))))) : '');
}

/** Reads a response body chunk by chunk so the bar can move; the length comes from Content-Length. */
async function readWithProgress(response, bar) {
  const total = Number(response.headers.get('content-length')) || 0;
  if (total) bar.max = total;
  else bar.removeAttribute('value');
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (total) bar.value = received;
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

function mount(container) {
  const firms = isOperator() ? state.firms : state.firms.filter((f) => f.id === who.firm);
  const firm = h('select', { id: 'evidence-firm', onchange: () => fillRobots() },
    firms.map((f) => h('option', { value: f.id, 'data-raw': '' }, f.name)));
  const robot = h('select', { id: 'evidence-robot' });
  const from = h('input', { id: 'evidence-from', type: 'datetime-local' });
  const to = h('input', { id: 'evidence-to', type: 'datetime-local' });
  const message = h('p', { class: 'error', role: 'alert', id: 'evidence-error' });
  const checkpoint = h('div', { id: 'evidence-checkpoint' });
  const result = h('div', { id: 'evidence-result' });
  const bar = h('progress', { id: 'evidence-progress', value: 0, max: 1, hidden: true });

  async function fillRobots() {
    try {
      const { robots } = await api(`/api/v1/robots?site=${seg(state.site.id)}&firm=${seg(firm.value)}`);
      replace(robot, h('option', { value: '' }, t('evidence.allRobots')),
        robots.map((r) => h('option', { value: r.id, 'data-raw': '' }, `${r.serialNumber} (${r.id})`)));
    } catch (e) {
      showProblem(message, e);
    }
  }

  const query = () => {
    const q = new URLSearchParams({ site: state.site.id, firm: firm.value });
    if (robot.value) q.set('robot', robot.value);
    // datetime-local is the browser's own time; the API takes UTC instants.
    if (from.value) q.set('from', new Date(from.value).toISOString());
    if (to.value) q.set('to', new Date(to.value).toISOString());
    return q;
  };

  async function showCheckpoint() {
    showProblem(message, null);
    try {
      const note = await api(`/api/v1/sites/${seg(state.site.id)}/log/checkpoint?firm=${seg(firm.value)}`, { as: 'text' });
      replace(checkpoint, h('h3', {}, t('evidence.latestCheckpoint')), checkpointView(note));
    } catch (e) {
      showProblem(message, e);
    }
  }

  async function download() {
    showProblem(message, null);
    replace(result);
    bar.hidden = false;
    bar.value = 0;
    try {
      const response = await api(`/api/v1/reports/export?${query()}`, { as: 'response' });
      const name = (response.headers.get('content-disposition') || '').match(/filename="([^"]+)"/)?.[1] || 'bundle.zip';
      const bytes = await readWithProgress(response, bar);
      if (savedUrl) URL.revokeObjectURL(savedUrl);
      savedUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
      const link = h('a', { href: savedUrl, download: name, id: 'evidence-save' }, t('evidence.save', { name }));
      const files = await unzip(bytes.buffer);
      const decode = (n) => (files.has(n) ? new TextDecoder().decode(files.get(n)) : null);
      const kpis = decode('kpis.json');
      const note = decode('checkpoint.txt');
      replace(result, h('p', {}, link, ' ', h('span', { class: 'hint' }, t('evidence.size', { kib: formatNumber(bytes.length / 1024, 1) }))),
        kpis ? [h('h3', {}, t('evidence.kpis')), kpiView(JSON.parse(kpis))] : '',
        note ? [h('h3', {}, t('evidence.bundleCheckpoint')), checkpointView(note)] : '');
      link.click();
    } catch (e) {
      if (e.status !== undefined) showProblem(message, e);
      else message.textContent = t('evidence.unreadable', { reason: e.message });
    } finally {
      bar.hidden = true;
    }
  }

  container.append(h('div', { class: 'page grid-2' },
    h('form', { class: 'stack card', id: 'evidence-form', onsubmit: (e) => { e.preventDefault(); download(); } },
      h('h3', {}, t('evidence.title')),
      h('label', {}, t('evidence.firm'), firm), h('label', {}, t('evidence.robot'), robot),
      h('label', {}, t('evidence.from'), from), h('label', {}, t('evidence.to'), to),
      h('p', { class: 'hint' }, t('evidence.periodHint')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'evidence-checkpoint-button', onclick: showCheckpoint }, t('evidence.checkpoint')),
        h('button', { type: 'submit', class: 'primary', id: 'evidence-download' }, t('evidence.download'))),
      bar, message),
    h('div', {}, checkpoint, result)));
  if (firms.length) fillRobots();
  else message.textContent = t('evidence.noFirm');
}

export default { mount };
