// The floor-plan side of the map page: the shown level's image (size, scale, origin) and, for operators, the form
// that uploads one (file, metres per pixel, origin) or removes it. Each change is a new site version on the server.
import { h, raw, replace } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { api, seg } from '../api.js';
import { isOperator } from '../session.js';
import { state, reloadSite } from '../store.js';
import { inWgs84 } from '../map/frame.js';

const DEFAULT_SCALE = 0.05;

export class FloorPlanPanel {
  constructor({ element }) {
    this.element = element;
    this.notice = null;
    this.problems = [];
    this.shownFor = null; // the level the notice and problems are about
  }

  level() {
    return state.site.levels.find((l) => l.id === state.level);
  }

  url() {
    return `/api/v1/sites/${seg(state.site.id)}/levels/${seg(state.level)}/floor-plan`;
  }

  render() {
    if (this.shownFor !== state.level) {
      this.notice = null;
      this.problems = [];
    }
    const plan = this.level().floorPlan;
    replace(this.element, h('div', { id: 'floor-plan' },
      h('h3', {}, t('plan.title')),
      inWgs84() ? h('p', { class: 'hint' }, t('plan.metricOnly')) : '',
      plan ? h('p', { id: 'plan-current' }, t('plan.current', {
        width: plan.widthPx, height: plan.heightPx, scale: formatNumber(plan.metresPerPixel, 4),
        x: formatNumber(plan.origin.x, 2), y: formatNumber(plan.origin.y, 2),
      })) : h('p', { id: 'plan-none', class: 'hint' }, t('plan.none')),
      this.notice ? h('p', { id: 'plan-notice', class: 'notice' }, this.notice) : '',
      this.problems.length ? h('ul', { id: 'plan-problems', class: 'error' },
        this.problems.map((p) => h('li', {}, raw(p)))) : '',
      isOperator() ? this.form(plan) : ''));
  }

  form(plan) {
    const number = (id, value, step) => h('input', { id, type: 'number', step, value: String(value), required: true });
    return h('form', { id: 'plan-form', onsubmit: (e) => { e.preventDefault(); this.upload(); } },
      h('label', {}, t('plan.file'), h('input', { id: 'plan-file', type: 'file', accept: 'image/png,image/jpeg', required: true })),
      h('label', {}, t('plan.scale'), number('plan-scale', plan?.metresPerPixel ?? DEFAULT_SCALE, 'any')),
      h('label', {}, t('plan.originX'), number('plan-origin-x', plan?.origin.x ?? 0, 'any')),
      h('label', {}, t('plan.originY'), number('plan-origin-y', plan?.origin.y ?? 0, 'any')),
      h('p', { class: 'hint' }, t('plan.originHint')),
      h('div', { class: 'actions' },
        h('button', { id: 'plan-upload', type: 'submit', class: 'primary' }, t('plan.upload')),
        plan ? h('button', { id: 'plan-remove', type: 'button', onclick: () => this.remove() }, t('plan.remove')) : ''));
  }

  async upload() {
    const file = this.element.querySelector('#plan-file').files[0];
    const query = new URLSearchParams({
      metresPerPixel: this.element.querySelector('#plan-scale').value,
      originX: this.element.querySelector('#plan-origin-x').value,
      originY: this.element.querySelector('#plan-origin-y').value,
    });
    await this.change(() => api(`${this.url()}?${query}`, { method: 'PUT', body: file, type: file.type || 'application/octet-stream' }));
  }

  async remove() {
    await this.change(() => api(this.url(), { method: 'DELETE' }));
  }

  async change(call) {
    this.notice = null;
    this.problems = [];
    this.shownFor = state.level;
    try {
      const saved = await call();
      this.notice = t('plan.saved', { version: saved.version });
      await reloadSite();
    } catch (e) {
      this.problems = e.details?.problems?.length ? e.details.problems : [e.message];
    }
    this.render();
  }
}
