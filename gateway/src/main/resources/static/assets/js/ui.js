// Shared pieces of the pages: headings, loading and error states, pagination, announcements, form fields.
import { h, replace, uid } from './dom.js';
import { label, lang, pickWithLang, t, values } from './i18n.js';
import { ApiError } from './api.js';

/** Text of a bilingual map in an element that carries the language it is actually in. */
export function bi(tag, map, attrs = {}) {
  const { text, lang: textLang } = pickWithLang(map);
  return h(tag, { ...attrs, lang: textLang !== lang() ? textLang : null }, text);
}

export function pageTitle(text) {
  document.title = `${text} · ${t('site.title')}`;
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 0 || error.status === 503 || error.status === 502 || error.status === 504) return t('error.unavailable');
    if (error.status === 401) return t('error.session');
    if (error.status === 403) return t('error.forbidden');
    return error.problem.detail || error.problem.title || error.message;
  }
  return String(error && error.message ? error.message : error);
}

export function errorBox(error, retry) {
  return h('div', { class: 'alert alert-error', role: 'alert' },
    h('p', {}, t('error.load', { detail: describeError(error) })),
    retry ? h('button', { type: 'button', class: 'button secondary', onclick: retry }, t('error.retry')) : null);
}

const live = () => document.getElementById('announcer');

/** A message read out by screen readers and shown in the page's toast area. */
export function announce(message, kind = 'success') {
  const region = live();
  if (!region) return;
  replace(region, h('p', { class: ['toast', `toast-${kind}`] }, message));
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => replace(region), 8000);
}

export function pagination(page, onPage) {
  if (!page || page.totalPages <= 1) return null;
  const n = page.number + 1;
  return h('nav', { class: 'pagination', 'aria-label': t('page.pagination') },
    h('button', { type: 'button', class: 'button secondary', disabled: page.number <= 0, onclick: () => onPage(page.number - 1) }, t('page.prev')),
    h('span', { 'aria-current': 'page' }, t('page.of', { n, total: page.totalPages })),
    h('button', { type: 'button', class: 'button secondary', disabled: n >= page.totalPages, onclick: () => onPage(page.number + 1) }, t('page.next')));
}

export function enumOptions(kind, selected, { all = false, choose = false } = {}) {
  const options = [];
  if (all) options.push(h('option', { value: '' }, t('filter.all')));
  if (choose) options.push(h('option', { value: '' }, t('form.choose')));
  for (const value of values(kind)) {
    options.push(h('option', { value, selected: selected === value }, label(kind, value)));
  }
  return options;
}

export function badge(text, kind = '') {
  return h('span', { class: ['badge', kind && `badge-${kind}`] }, text);
}

export function statusBadge(kind, status) {
  return badge(label(kind, status), String(status || '').toLowerCase());
}

/**
 * A labelled form control with a hint and a slot for the service's error message. name is the API's field path
 * ("title", "budget.min"): errors are shown next to the field they name.
 */
export function field({ name, labelText, control, hint }) {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  const wrapper = h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, labelText),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    control);
  return wrapper;
}

/** A group of controls (checkboxes, the two languages of a text) as a fieldset, errors shown in its legend area. */
export function fieldset({ name, legend, children, hint }) {
  const errorId = uid('fs-error');
  const hintId = hint ? uid('fs-hint') : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const group = h('fieldset', { class: 'field fieldset', 'data-field': name, 'aria-describedby': describedBy },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    children);
  // each control of the group is described by the group's hint and error too
  group.querySelectorAll('input, select, textarea').forEach((control) => control.setAttribute('aria-describedby', describedBy));
  return group;
}

function fieldFor(form, path) {
  // "budget.min" → data-field="budget.min", else "budget"; "keywords[2]" → "keywords"; "title" → "title"
  const candidates = [path, path.replace(/\[\d+\]/g, ''), path.split(/[.[]/)[0]];
  for (const candidate of candidates) {
    const el = form.querySelector(`[data-field="${CSS.escape(candidate)}"]`);
    if (el) return el;
  }
  return null;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; el.hidden = true; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field.has-error').forEach((el) => el.classList.remove('has-error'));
  const summary = form.querySelector('.error-summary');
  if (summary) summary.remove();
}

/**
 * Shows a failed submission: each errors[] entry next to its field (aria-invalid, aria-describedby), and a
 * summary at the top linking to the fields, which takes the focus.
 */
export function showErrors(form, error) {
  clearErrors(form);
  const entries = error instanceof ApiError && error.errors.length ? error.errors : [{ field: null, message: describeError(error) }];
  const items = [];
  for (const { field: path, message } of entries) {
    const target = path ? fieldFor(form, path) : null;
    if (target) {
      const slot = target.querySelector('.field-error');
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      slot.hidden = false;
      target.classList.add('has-error');
      const control = target.matches('fieldset') ? target.querySelector('input, select, textarea') : target.querySelector('input, select, textarea');
      target.querySelectorAll('input, select, textarea').forEach((c) => c.setAttribute('aria-invalid', 'true'));
      const labelEl = target.querySelector('label, legend');
      items.push(h('li', {}, h('a', { href: `#${control ? control.id : ''}`, onclick: (event) => { event.preventDefault(); if (control) control.focus(); } },
        `${labelEl ? labelEl.textContent : path}: ${message}`)));
    } else {
      items.push(h('li', {}, path ? `${path}: ${message}` : message));
    }
  }
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', {}, t('error.fix')), h('ul', {}, items));
  form.prepend(summary);
  summary.focus();
}

export function csv(text) {
  return String(text || '').split(/[,，、;；]/).map((part) => part.trim()).filter(Boolean);
}

export function bilingualInputs({ name, legend, multiline = false, value = {}, maxLength }) {
  const make = (tag) => {
    const control = multiline ? h('textarea', { rows: 4, maxlength: maxLength }) : h('input', { type: 'text', maxlength: maxLength });
    control.lang = tag;
    control.name = `${name}.${tag}`;
    control.value = value[tag] || '';
    control.id = uid(name);
    return control;
  };
  const zh = make('zh-CN');
  const en = make('en-US');
  const group = fieldset({ name, legend, hint: t('form.bilingual.hint'), children: [
    h('div', { class: 'pair' },
      h('div', {}, h('label', { for: zh.id }, `${legend} · ${t('form.zh')}`), zh),
      h('div', {}, h('label', { for: en.id }, `${legend} · ${t('form.en')}`), en)),
  ] });
  group.read = () => {
    const out = {};
    if (zh.value.trim()) out['zh-CN'] = zh.value.trim();
    if (en.value.trim()) out['en-US'] = en.value.trim();
    return out;
  };
  return group;
}

export function checkboxes({ name, legend, kind, selected = [] }) {
  const boxes = values(kind).map((value) => {
    const id = uid(name);
    return h('div', { class: 'check' },
      h('input', { type: 'checkbox', id, name, value, checked: selected.includes(value) }),
      h('label', { for: id }, label(kind, value)));
  });
  const group = fieldset({ name, legend, children: h('div', { class: 'checks' }, boxes) });
  group.read = () => Array.from(group.querySelectorAll('input:checked')).map((box) => box.value);
  return group;
}
