// Placeholder until the tasks page is written.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export default { mount(container) { container.append(h('p', {}, t('nav.tasks'))); } };
