// The zones side of the map page: the level's zones, one zone's rules and history, and (operators only) the
// editor: new zone, reshape, rules form, save, undo, close and open disinfection zones, delete.
import { h, raw, replace } from '../dom.js';
import { t, tOr, formatTime } from '../i18n.js';
import { api, seg } from '../api.js';
import { isOperator } from '../session.js';
import { state, loadZones, zonesOfLevel } from '../store.js';
import { ruleLines, kindName } from '../zone-rules.js';
import { zoneForm } from '../zone-form.js';
import { showProblem } from '../problems.js';

export class ZonePanel {
  constructor({ element, editor, zonesLayer }) {
    this.element = element;
    this.editor = editor;
    this.zonesLayer = zonesLayer;
    this.selected = null;
    this.editing = null;    // {feature | null, form}
    this.lastSave = null;   // {id, before: feature | null}: what "undo last save" puts back
    this.notice = null;     // a line shown once after a change
    editor.onChange = () => this.editing && this.renderEditorButtons();
  }

  zonesUrl(id) {
    return `/api/v1/sites/${seg(state.site.id)}/zones${id === undefined ? '' : `/${seg(id)}`}`;
  }

  feature(id) {
    return state.zones.features.find((f) => String(f.id) === id);
  }

  select(id) {
    if (this.editing) return false; // clicks while editing belong to the outline
    this.selected = id;
    this.zonesLayer.select(id);
    this.render();
    return true;
  }

  render() {
    if (this.editing) return this.renderEditor();
    const f = this.selected ? this.feature(this.selected) : null;
    replace(this.element, f ? this.details(f) : this.list());
  }

  list() {
    const zones = zonesOfLevel();
    return h('div', { id: 'zone-list' },
      h('div', { class: 'panel-head' }, h('h3', {}, t('zones.title')),
        isOperator() ? h('button', { id: 'zone-new', class: 'primary', onclick: () => this.startEditing(null) }, t('zones.new')) : ''),
      this.noticeLine(),
      this.lastSave && isOperator() ? h('button', { id: 'zone-undo-save', onclick: () => this.undoLastSave() },
        t('zones.undoSave')) : '',
      zones.length === 0 ? h('p', { class: 'hint' }, t('zones.none')) : h('ul', { class: 'zone-items' },
        zones.map((f) => h('li', {},
          h('a', { href: '#/map', 'data-zone': f.id, onclick: (e) => { e.preventDefault(); this.select(String(f.id)); } },
            raw(f.properties.name || f.id)), ' ',
          h('span', { class: `kind-chip kind-${f.properties.kind.toLowerCase()}` }, kindName(f.properties.kind)),
          f.properties.state === 'CLOSED' ? [' ', h('span', { class: 'closed-chip' }, t('zone.closed'))] : ''))));
  }

  details(f) {
    const id = String(f.id);
    const p = f.properties;
    const message = h('p', { class: 'error', role: 'alert', id: 'zone-message' });
    const act = async (work) => {
      try {
        await work();
      } catch (e) {
        showProblem(message, e);
      }
    };
    const buttons = isOperator() ? h('div', { class: 'actions' },
      h('button', { id: 'zone-edit', onclick: () => this.startEditing(f) }, t('zones.edit')),
      p.kind === 'DISINFECTION' ? h('button', {
        id: p.state === 'CLOSED' ? 'zone-open' : 'zone-close',
        onclick: () => act(async () => {
          await api(`${this.zonesUrl(id)}/${p.state === 'CLOSED' ? 'open' : 'close'}`, { method: 'POST' });
          this.notice = t(p.state === 'CLOSED' ? 'zones.opened' : 'zones.closedNow');
          await loadZones();
        }),
      }, t(p.state === 'CLOSED' ? 'zones.openZone' : 'zones.closeZone')) : '',
      h('button', { id: 'zone-delete', class: 'danger', onclick: () => act(async () => {
        if (!confirm(t('zones.confirmDelete', { name: p.name || id }))) return;
        await api(this.zonesUrl(id), { method: 'DELETE' });
        this.lastSave = { id, before: f };
        this.notice = t('zones.deleted');
        this.selected = null;
        await loadZones();
      }) }, t('zones.delete'))) : '';
    const history = h('div', { id: 'zone-history' });
    return h('div', { id: 'zone-details', 'data-zone': id },
      h('div', { class: 'panel-head' }, h('button', { id: 'zone-back', onclick: () => this.select(null) }, t('zones.back')),
        h('h3', {}, raw(p.name || id))),
      this.noticeLine(),
      h('table', { class: 'facts' }, h('tr', {}, h('th', {}, t('zones.id')), h('td', {}, raw(id))),
        ruleLines(p).map(([label, value]) => h('tr', {}, h('th', {}, label),
          h('td', {}, value?.raw !== undefined ? raw(value.raw) : value)))),
      buttons, message,
      this.lastSave && isOperator() ? h('button', { id: 'zone-undo-save', onclick: () => this.undoLastSave() },
        t('zones.undoSave')) : '',
      h('button', { id: 'zone-show-history', onclick: () => this.showHistory(id, history) }, t('zones.history')),
      history);
  }

  async showHistory(id, into) {
    try {
      const { history } = await api(`${this.zonesUrl(id)}/history`);
      replace(into, h('ol', { class: 'history' }, history.slice().reverse().map((v) => h('li', {},
        h('strong', {}, t('zones.version', { version: v.version })), ' ', tOr(`zoneChange.${v.change}`, v.change), ' · ',
        formatTime(v.at), ' · ', raw(v.actor),
        isOperator() && v.feature && v !== history[history.length - 1]
          ? [' ', h('button', { class: 'small', onclick: () => this.restore(id, v.feature) }, t('zones.restore'))] : ''))));
    } catch (e) {
      showProblem(into, e);
    }
  }

  async restore(id, feature) {
    const before = this.feature(id) || null;
    const body = { ...feature, id };
    const method = before ? 'PUT' : 'POST';
    await api(before ? this.zonesUrl(id) : this.zonesUrl(), { method, body });
    this.lastSave = { id, before };
    this.notice = t('zones.restored');
    await loadZones();
  }

  noticeLine() {
    const line = this.notice ? h('p', { class: 'notice', id: 'zone-notice', role: 'status' }, this.notice) : '';
    this.notice = null;
    return line;
  }

  startEditing(feature) {
    if (feature && feature.geometry.type !== 'Polygon') {
      this.notice = t('editor.multiPolygon');
    }
    const form = zoneForm(feature);
    this.editing = { feature, form };
    this.editor.start(feature && feature.geometry.type === 'Polygon' ? feature.geometry : null);
    if (feature) this.zonesLayer.hide(String(feature.id));
    this.renderEditor();
  }

  stopEditing() {
    this.editor.stop();
    this.zonesLayer.hide(null);
    this.editing = null;
    this.render();
  }

  renderEditor() {
    const { feature, form } = this.editing;
    this.problems = h('div', { id: 'zone-problems', class: 'error', role: 'alert' });
    this.buttons = h('div', { class: 'actions' });
    replace(this.element, h('div', { id: 'zone-editor' },
      h('h3', {}, feature ? [t('editor.editing'), ' ', raw(feature.properties.name || feature.id)] : t('editor.new')),
      this.noticeLine(),
      h('p', { class: 'hint', id: 'editor-hint' }),
      this.buttons, form.element, this.problems));
    this.renderEditorButtons();
  }

  renderEditorButtons() {
    const e = this.editor;
    const hint = this.element.querySelector('#editor-hint');
    if (hint) hint.textContent = e.drawing() ? t('editor.hintDraw', { count: e.corners.length }) : t('editor.hintShape');
    replace(this.buttons,
      e.drawing() ? h('button', { id: 'zone-finish', disabled: !e.canFinish(), onclick: () => e.finish() }, t('editor.finish')) : '',
      h('button', { id: 'zone-undo', disabled: !e.canUndo(), onclick: () => e.undo() }, t('editor.undo')),
      h('button', { id: 'zone-save', class: 'primary', disabled: !e.geometry(), onclick: () => this.save() }, t('editor.save')),
      h('button', { id: 'zone-cancel', onclick: () => this.stopEditing() }, t('editor.cancel')));
  }

  async save() {
    const { feature, form } = this.editing;
    const { id, properties } = form.read();
    const geometry = this.editor.geometry() || feature?.geometry;
    const body = { type: 'Feature', geometry, properties };
    if (feature) body.id = feature.id;
    else if (id) body.id = id;
    this.editor.clearProblems();
    showProblem(this.problems, null);
    try {
      let savedId;
      if (feature) {
        await api(this.zonesUrl(String(feature.id)), { method: 'PUT', body });
        savedId = String(feature.id);
      } else {
        savedId = String((await api(this.zonesUrl(), { method: 'POST', body })).id);
      }
      this.lastSave = { id: savedId, before: feature };
      this.notice = t('editor.saved');
      this.editor.stop();
      this.zonesLayer.hide(null);
      this.editing = null;
      this.selected = savedId;
      await loadZones();
    } catch (problem) {
      this.showServerProblems(problem);
    }
  }

  /** Nothing was saved: each problem is listed, and those with a place are pinned on the map where they are. */
  showServerProblems(problem) {
    showProblem(this.problems, problem);
    const list = problem.details?.problems || [];
    if (list.length) {
      this.problems.append(h('ul', {}, list.map((p) => h('li', { 'data-path': p.path },
        raw(p.path), ': ', raw(p.message)))));
    }
    const pinned = this.editor.showProblems(list);
    this.problems.append(h('p', {}, t(pinned ? 'editor.problemsPinned' : 'editor.nothingSaved')));
  }

  async undoLastSave() {
    const { id, before } = this.lastSave;
    try {
      if (before) {
        const exists = this.feature(id);
        await api(exists ? this.zonesUrl(id) : this.zonesUrl(), { method: exists ? 'PUT' : 'POST', body: before });
      } else {
        await api(this.zonesUrl(id), { method: 'DELETE' });
      }
      this.lastSave = null;
      this.notice = t('zones.undone');
      this.selected = null;
      await loadZones();
    } catch (e) {
      this.notice = null;
      showProblem(this.element.querySelector('#zone-message') || this.element, e);
    }
  }
}
