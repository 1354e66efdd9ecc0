// A partner's workspace: its requests and offers, forms to submit them and to edit them while they await review
// or were rejected, ranked matches with their reasons, expressions of interest, answers to interest in its offers,
// and the notifications of continuous matching.
import { h, replace, uid } from '../dom.js';
import { formatDate, formatMoney, isZh, label, pick, t } from '../i18n.js';
import { all, api, ApiError } from '../api.js';
import { href, navigate } from '../nav.js';
import { countyOptions, regionPath } from '../geo.js';
import {
  announce, bi, bilingualInputs, checkboxes, clearErrors, csv, describeError, enumOptions, field, pageTitle,
  pagination, showErrors, statusBadge,
} from '../ui.js';
import { offerCard, offerFacts } from './offers.js';

function requireOrg(ctx) {
  const user = ctx.user;
  if (!user) {
    replace(ctx.main, pageTitle(t('partner.title')), h('p', {}, t('partner.needSignin')), h('p', {}, h('a', { class: 'button', href: href('signin') }, t('nav.signin'))));
    return null;
  }
  if (!user.org) {
    replace(ctx.main, pageTitle(t('partner.title')), h('p', { class: 'alert alert-info' }, t('partner.needOrg')));
    return null;
  }
  return user;
}

async function myMatches() {
  return all('/api/v1/techtransfer/matches', {});
}

function listingItem(kind, item) {
  const title = item.title;
  return h('li', { class: 'card', 'data-id': item.id },
    h('p', { class: 'meta' }, statusBadge('listingStatus', item.status), ' ', h('span', { class: 'badge' }, label('field', item.field))),
    h('h3', {}, h('a', { href: href(`workspace/${kind}s/${item.id}`) }, bi('span', title))),
    item.reviewReason ? h('p', { class: 'meta' }, t('partner.reviewReason', { reason: item.reviewReason })) : null,
    h('p', { class: 'meta' }, regionPath(item.region, item.regionInfo), ' · ', formatDate(item.createdAt)));
}

export async function workspaceView(ctx) {
  const user = requireOrg(ctx);
  if (!user) return;
  const [requests, offers, matches] = await Promise.all([
    all('/api/v1/techtransfer/requests', {}),
    all('/api/v1/techtransfer/offers', { organizationId: user.org }),
    myMatches(),
  ]);
  if (!ctx.alive()) return;
  const incoming = matches.filter((m) => m.offerOrganizationId === user.org);
  replace(ctx.main,
    pageTitle(t('partner.title')),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: href('workspace/requests/new'), id: 'new-request' }, t('partner.newRequest')),
      h('a', { class: 'button secondary', href: href('workspace/offers/new'), id: 'new-offer' }, t('partner.newOffer'))),
    h('section', { 'aria-labelledby': 'my-requests' },
      h('h2', { id: 'my-requests' }, t('partner.requests')),
      requests.length ? h('ul', { class: 'cards', id: 'request-list' }, requests.map((r) => listingItem('request', r))) : h('p', {}, t('empty'))),
    h('section', { 'aria-labelledby': 'my-offers' },
      h('h2', { id: 'my-offers' }, t('partner.offers')),
      offers.length ? h('ul', { class: 'cards' }, offers.map((o) => listingItem('offer', o))) : h('p', {}, t('empty'))),
    h('section', { 'aria-labelledby': 'interests' },
      h('h2', { id: 'interests' }, t('partner.interests')),
      incoming.length ? h('ul', { class: 'cards' }, incoming.map((m) => interestCard(m, ctx))) : h('p', {}, t('empty'))));
}

/** An expression of interest in one of my offers, with accept / decline while it is PROPOSED. */
function interestCard(match, ctx) {
  const reason = h('select', { id: uid('decline-reason') }, enumOptions('declineReason', 'SCOPE_MISMATCH'));
  const text = h('input', { type: 'text', id: uid('decline-text'), maxlength: 2000 });
  const status = h('p', { class: 'meta', role: 'status' });
  const act = async (action) => {
    try {
      if (action === 'accept') {
        await api(`/api/v1/techtransfer/matches/${match.id}/accept`, { method: 'POST', ifMatch: match.version });
        announce(t('partner.accepted'));
      } else {
        await api(`/api/v1/techtransfer/matches/${match.id}/decline`, {
          method: 'POST', ifMatch: match.version, body: { reasonCode: reason.value, text: text.value.trim() || undefined },
        });
        announce(t('partner.declined'));
      }
      ctx.rerender();
    } catch (error) {
      status.textContent = describeError(error);
    }
  };
  return h('li', { class: 'card interest', 'data-match-id': match.id },
    h('p', { class: 'meta' }, statusBadge('matchStatus', match.status), ' ', formatDate(match.createdAt)),
    h('h3', {}, h('a', { href: href(`workspace/offers/${match.offerId}`) }, bi('span', match.offerTitle))),
    match.message ? h('p', {}, t('partner.message', { text: match.message })) : null,
    match.status === 'PROPOSED' ? h('div', { class: 'decision' },
      h('button', { type: 'button', class: 'button', onclick: () => act('accept') }, t('partner.accept')),
      h('div', { class: 'field' }, h('label', { for: reason.id }, t('partner.decline.reason')), reason),
      h('div', { class: 'field' }, h('label', { for: text.id }, t('partner.decline.text')), text),
      h('button', { type: 'button', class: 'button secondary', onclick: () => act('decline') }, t('partner.decline'))) : null,
    status);
}

// ---- forms ----

function numberOrNull(input) {
  const value = input.value.trim();
  return value === '' ? null : Number(value);
}

function listingForm(kind, existing, onSaved, onReload) {
  const isOffer = kind === 'offer';
  const e = existing || {};
  const title = bilingualInputs({ name: 'title', legend: t('form.title'), value: e.title || {}, maxLength: 200 });
  const text = bilingualInputs({
    name: isOffer ? 'summary' : 'description', legend: t(isOffer ? 'form.summary' : 'form.description'),
    multiline: true, value: (isOffer ? e.summary : e.description) || {}, maxLength: 4000,
  });
  const fieldSelect = h('select', { id: uid('field') }, enumOptions('field', e.field, { choose: true }));
  const keywords = h('input', { type: 'text', id: uid('keywords'), value: (e.keywords || []).join(', ') });
  const trl = h('input', { type: 'number', id: `${kind}-trl`, min: 1, max: 9, step: 1, inputmode: 'numeric', value: isOffer ? (e.trl ?? '') : (e.requiredTrlMin ?? '') });
  const region = h('select', { id: `${kind}-region` }, countyOptions(e.region));
  const controls = [title, text,
    field({ name: 'field', labelText: t('form.field'), control: fieldSelect }),
    field({ name: 'keywords', labelText: t('form.keywords'), control: keywords, hint: t('form.keywords.hint') }),
    field({ name: isOffer ? 'trl' : 'requiredTrlMin', labelText: t(isOffer ? 'form.trl' : 'form.requiredTrlMin'), control: trl })];
  let read;
  if (isOffer) {
    const ip = h('select', { id: uid('ip') }, enumOptions('ipStatus', e.ipStatus, { choose: true }));
    const patents = h('input', { type: 'text', id: uid('patents'), value: (e.patentNumbers || []).join(', ') });
    const modes = checkboxes({ name: 'transferModes', legend: t('form.transferModes'), kind: 'mode', selected: e.transferModes || [] });
    const price = h('input', { type: 'number', id: uid('price'), min: 0, step: 1000, value: e.askingPrice ? e.askingPrice.amount : '' });
    const currency = h('input', { type: 'text', id: uid('currency'), value: e.askingPrice ? e.askingPrice.currency : 'CNY', maxlength: 3, size: 4 });
    controls.push(
      field({ name: 'ipStatus', labelText: t('form.ipStatus'), control: ip }),
      field({ name: 'patentNumbers', labelText: t('form.patentNumbers'), control: patents, hint: t('form.patentNumbers.hint') }),
      modes,
      h('div', { class: 'pair' },
        field({ name: 'askingPrice.amount', labelText: t('form.askingPrice'), control: price }),
        field({ name: 'askingPrice.currency', labelText: t('form.currency'), control: currency })));
    read = () => ({
      title: title.read(), summary: text.read(), field: fieldSelect.value || null, keywords: csv(keywords.value),
      trl: numberOrNull(trl), ipStatus: ip.value || null, patentNumbers: csv(patents.value), transferModes: modes.read(),
      askingPrice: price.value.trim() ? { amount: Number(price.value), currency: currency.value.trim().toUpperCase() } : undefined,
      region: region.value || null,
    });
  } else {
    const modes = checkboxes({ name: 'acceptableModes', legend: t('form.acceptableModes'), kind: 'mode', selected: e.acceptableModes || [] });
    const min = h('input', { type: 'number', id: uid('budget-min'), min: 0, step: 1000, value: e.budget ? e.budget.min : '' });
    const max = h('input', { type: 'number', id: uid('budget-max'), min: 0, step: 1000, value: e.budget ? e.budget.max : '' });
    const currency = h('input', { type: 'text', id: uid('currency'), value: e.budget ? e.budget.currency : 'CNY', maxlength: 3, size: 4 });
    const deadline = h('input', { type: 'date', id: uid('deadline'), value: e.deadline || '' });
    controls.push(
      modes,
      h('div', { class: 'triple' },
        field({ name: 'budget.min', labelText: t('form.budgetMin'), control: min }),
        field({ name: 'budget.max', labelText: t('form.budgetMax'), control: max }),
        field({ name: 'budget.currency', labelText: t('form.currency'), control: currency })),
      field({ name: 'deadline', labelText: t('form.deadline'), control: deadline }));
    read = () => ({
      title: title.read(), description: text.read(), field: fieldSelect.value || null, keywords: csv(keywords.value),
      requiredTrlMin: numberOrNull(trl), acceptableModes: modes.read(),
      budget: min.value.trim() || max.value.trim()
        ? { min: numberOrNull(min), max: numberOrNull(max), currency: currency.value.trim().toUpperCase() } : undefined,
      region: region.value || null, deadline: deadline.value || undefined,
    });
  }
  controls.push(field({ name: 'region', labelText: t('form.region'), control: region }));
  const idle = t(existing ? 'form.save' : 'form.submit');
  const submit = h('button', { type: 'submit', class: 'button', id: `${kind}-submit` }, idle);
  const form = h('form', { class: 'form', novalidate: true, id: `${kind}-form`, onsubmit: async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    submit.textContent = t('form.saving');
    try {
      // an edit replaces the listing in place, based on the version read with it (If-Match = its ETag)
      const saved = existing
        ? await api(`/api/v1/techtransfer/${kind}s/${encodeURIComponent(existing.id)}`, { method: 'PUT', body: read(), ifMatch: existing.version })
        : await api(`/api/v1/techtransfer/${kind}s`, { method: 'POST', body: read() });
      onSaved(saved);
    } catch (error) {
      const conflict = editConflict(error);
      if (conflict) {
        showErrors(form, new Error(t(conflict)));
        form.querySelector('.error-summary').append(h('p', {},
          h('button', { type: 'button', class: 'button secondary', id: `${kind}-reload`, onclick: onReload }, t('edit.reload'))));
      } else {
        showErrors(form, error);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = idle;
    }
  } },
  existing ? h('p', { class: 'alert alert-info' }, t(existing.status === 'REJECTED' ? 'edit.note.rejected' : 'edit.note'),
    existing.reviewReason ? ` ${t('partner.reviewReason', { reason: existing.reviewReason })}` : null) : null,
  controls,
  h('div', { class: 'form-actions' }, submit, h('a', { class: 'button secondary', href: existing ? href(`workspace/${kind}s/${existing.id}`) : href('workspace') }, t('form.cancel'))));
  return form;
}

/** Only what staff have not published yet, or have rejected, can be edited (PUT); anything else is replaced by a new one. */
function editable(item) {
  return ['SUBMITTED', 'REJECTED'].includes(item.status);
}

/**
 * The message for an edit the service refused as a whole: someone changed the listing since it was read (a stale
 * If-Match: 409 stale-version, or 412), or it can no longer be edited (409: reviewed or withdrawn meanwhile).
 */
function editConflict(error) {
  if (!(error instanceof ApiError)) return null;
  const type = String(error.problem.type || '');
  if (error.status === 412 || (error.status === 409 && type.endsWith('stale-version'))) return 'edit.stale';
  if (error.status === 409) return 'edit.conflict';
  return null;
}

async function formView(ctx, kind, id) {
  const user = requireOrg(ctx);
  if (!user) return;
  const existing = id ? await api(`/api/v1/techtransfer/${kind}s/${encodeURIComponent(id)}`) : null;
  if (!ctx.alive()) return;
  const heading = t(kind === 'offer' ? 'partner.newOffer' : 'partner.newRequest');
  const breadcrumb = h('p', { class: 'breadcrumb' }, h('a', { href: href('workspace') }, `← ${t('partner.title')}`));
  if (existing && !editable(existing)) {
    replace(ctx.main, breadcrumb, pageTitle(`${t('partner.edit')}: ${pick(existing.title)}`),
      h('p', { class: 'alert alert-info' }, t('edit.notEditable', { status: label('listingStatus', existing.status) })),
      h('p', {}, h('a', { class: 'button secondary', href: href(`workspace/${kind}s/${existing.id}`) }, t('partner.view'))));
    return;
  }
  replace(ctx.main,
    breadcrumb,
    pageTitle(existing ? `${t('partner.edit')}: ${pick(existing.title)}` : heading),
    listingForm(kind, existing, (saved) => {
      announce(t(existing ? 'form.saved' : 'form.submitted'));
      navigate(`workspace/${kind}s/${saved.id}`);
    }, () => ctx.rerender()));
}

export function requestFormView(ctx, id) {
  return formView(ctx, 'request', id);
}

export function offerFormView(ctx, id) {
  return formView(ctx, 'offer', id);
}

// ---- details ----

function listingActions(kind, item, ctx) {
  const status = h('p', { class: 'meta', role: 'status' });
  const canEdit = editable(item);
  const canWithdraw = ['SUBMITTED', 'PUBLISHED'].includes(item.status);
  return h('div', { class: 'actions' },
    canEdit ? h('a', { class: 'button secondary', id: `edit-${kind}`, href: href(`workspace/${kind}s/${item.id}/edit`) }, t('partner.edit')) : null,
    canWithdraw ? h('button', { type: 'button', class: 'button secondary', onclick: async () => {
      try {
        await api(`/api/v1/techtransfer/${kind}s/${item.id}/withdraw`, { method: 'POST', ifMatch: item.version });
        announce(t('partner.withdrawn'));
        ctx.rerender();
      } catch (error) {
        status.textContent = describeError(error);
      }
    } }, t('partner.withdraw')) : null,
    status);
}

export async function requestDetailView(ctx, id) {
  const user = requireOrg(ctx);
  if (!user) return;
  const request = await api(`/api/v1/techtransfer/requests/${encodeURIComponent(id)}`);
  const published = request.status === 'PUBLISHED';
  const [suggestions, matches] = await Promise.all([
    published ? api(`/api/v1/techtransfer/requests/${encodeURIComponent(id)}/matches`, { query: { limit: 20 } }) : [],
    myMatches(),
  ]);
  const offers = await Promise.all(suggestions.map((s) => api(`/api/v1/techtransfer/offers/${encodeURIComponent(s.offerId)}`).catch(() => null)));
  if (!ctx.alive()) return;
  const existing = new Map(matches.filter((m) => m.requestId === request.id).map((m) => [m.offerId, m]));
  const heading = pageTitle(pick(request.title));
  const cards = suggestions.map((suggestion, index) => {
    const offer = offers[index];
    if (!offer) return null;
    const match = existing.get(offer.id);
    const messageId = uid('interest-message');
    const message = h('textarea', { id: messageId, rows: 2, maxlength: 2000 });
    const status = h('p', { class: 'meta', role: 'status' });
    const express = async (event) => {
      event.preventDefault();
      try {
        await api('/api/v1/techtransfer/matches', {
          method: 'POST', body: { requestId: request.id, offerId: offer.id, message: message.value.trim() || undefined },
        });
        announce(t('partner.interest.sent', { title: pick(offer.title) }));
        ctx.rerender();
      } catch (error) {
        status.textContent = describeError(error);
      }
    };
    const reasons = h('ul', { class: 'reasons' }, suggestion.reasons.map((reason) => h('li', {}, reason)));
    const extra = [
      h('p', { class: 'score' }, h('meter', { min: 0, max: 1, value: suggestion.score, 'aria-hidden': 'true' }), ' ',
        t('partner.score', { score: `${Math.round(suggestion.score * 100)}%` })),
      reasons,
      match
        ? h('p', { class: 'interest-state' }, statusBadge('matchStatus', match.status), ' ', t('partner.interest.exists', { status: label('matchStatus', match.status) }))
        : h('form', { class: 'interest-form', onsubmit: express },
          h('label', { for: messageId }, t('partner.interest.message')), message,
          h('button', { type: 'submit', class: 'button' }, t('partner.interest'))),
      status,
    ];
    return offerCard(offer, { extra });
  }).filter(Boolean);
  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: href('workspace') }, `← ${t('partner.title')}`)),
    heading,
    h('p', { class: 'meta' }, statusBadge('listingStatus', request.status), ' ', label('field', request.field), ' · ',
      regionPath(request.region, request.regionInfo), ' · ', t('offers.trl', { n: `≥ ${request.requiredTrlMin}` }),
      request.budget ? ` · ${formatMoney({ amount: request.budget.min, currency: request.budget.currency })} – ${formatMoney({ amount: request.budget.max, currency: request.budget.currency })}` : ''),
    request.reviewReason ? h('p', { class: 'alert alert-info' }, t('partner.reviewReason', { reason: request.reviewReason })) : null,
    bi('p', request.description, { class: 'lead' }),
    listingActions('request', request, ctx),
    h('section', { 'aria-labelledby': 'matches-title' },
      h('h2', { id: 'matches-title' }, t('partner.matches')),
      cards.length ? h('ol', { class: 'cards ranked', id: 'match-list' }, cards) : h('p', {}, t('partner.matches.none'))));
}

export async function myOfferView(ctx, id) {
  const user = requireOrg(ctx);
  if (!user) return;
  const [offer, matches] = await Promise.all([
    api(`/api/v1/techtransfer/offers/${encodeURIComponent(id)}`),
    myMatches(),
  ]);
  if (!ctx.alive()) return;
  const interests = matches.filter((m) => m.offerId === offer.id);
  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: href('workspace') }, `← ${t('partner.title')}`)),
    pageTitle(pick(offer.title)),
    h('p', { class: 'meta' }, statusBadge('listingStatus', offer.status), ' ', t('offers.trl', { n: offer.trl })),
    offer.reviewReason ? h('p', { class: 'alert alert-info' }, t('partner.reviewReason', { reason: offer.reviewReason })) : null,
    bi('p', offer.summary, { class: 'lead' }),
    offerFacts(offer),
    offer.organizationId === user.org ? listingActions('offer', offer, ctx) : null,
    h('section', { 'aria-labelledby': 'offer-interests' },
      h('h2', { id: 'offer-interests' }, t('partner.interests')),
      interests.length ? h('ul', { class: 'cards' }, interests.map((m) => interestCard(m, ctx))) : h('p', {}, t('empty'))));
}

// ---- notifications ----

/** One notification of GET /api/v1/techtransfer/notifications, as the page shows it. */
function describeNotification(n) {
  const forRequest = n.kind === 'OFFER_FOR_REQUEST';
  const score = typeof n.score === 'number' ? `${Math.round(n.score * 100)}%` : '';
  return {
    text: t(forRequest ? 'n.suggestedOffer' : 'n.suggestedRequest', { title: pick(n.offerTitle || {}), score }),
    reasons: Array.isArray(n.reasons) ? n.reasons : [],
    link: forRequest ? href(`workspace/requests/${n.requestId}`) : href(`workspace/offers/${n.offerId}`),
  };
}

/** A notification with its read state; "mark as read" updates it in place and keeps the focus on it. */
function notificationItem(n) {
  const item = h('li', { class: 'notification', 'data-id': n.id, tabindex: '-1' });
  const status = h('span', { class: 'meta', role: 'status' });
  const show = (current) => {
    const { text, reasons, link } = describeNotification(current);
    const textId = uid('notification-text');
    replace(item,
      current.read ? null : h('span', { class: 'badge badge-unread' }, t('notifications.unread')), ' ',
      h('time', { datetime: current.createdAt }, formatDate(current.createdAt)), ' ',
      h('a', { href: link, id: textId }, text),
      reasons.length ? h('ul', { class: 'reasons' }, reasons.slice(0, 4).map((reason) => h('li', {}, reason))) : null,
      current.read ? null : h('button', {
        type: 'button', class: 'button link mark-read', 'aria-describedby': textId, onclick: async () => {
          try {
            const updated = await api(`/api/v1/techtransfer/notifications/${encodeURIComponent(current.id)}/read`, { method: 'POST' });
            show(updated);
            item.focus();
            announce(t('notifications.marked'));
          } catch (error) {
            status.textContent = describeError(error);
          }
        },
      }, t('notifications.markRead')),
      status);
    item.classList.toggle('unread', !current.read);
  };
  show(n);
  return item;
}

/**
 * The notifications page: the suggestions of the platform's continuous matching for the organization (new
 * offers for its requests, new requests for its offers), newest first, each marked read one by one.
 */
export async function notificationsView(ctx) {
  const user = requireOrg(ctx);
  if (!user) return;
  const unreadOnly = ctx.query.unread === 'true';
  const page = Number(ctx.query.page || 0);
  const result = await api('/api/v1/techtransfer/notifications', { query: { unread: unreadOnly ? 'true' : undefined, page, size: 20 } });
  if (!ctx.alive()) return;
  const items = result.content || [];
  const filter = h('select', { id: 'notifications-filter' },
    h('option', { value: 'all', selected: !unreadOnly }, t('notifications.all')),
    h('option', { value: 'unread', selected: unreadOnly }, t('notifications.unreadOnly')));
  replace(ctx.main,
    pageTitle(t('notifications.title')),
    h('p', { class: 'meta' }, t('notifications.about')),
    h('form', { class: 'filters', onsubmit: (event) => {
      event.preventDefault();
      navigate('notifications', { unread: filter.value === 'unread' ? 'true' : undefined });
    } },
    h('div', { class: 'field' }, h('label', { for: filter.id }, t('notifications.show')), filter),
    h('button', { type: 'submit', class: 'button secondary' }, t('filter.apply'))),
    items.length ? h('ul', { class: 'notifications', id: 'notification-list' }, items.map((n) => notificationItem(n)))
      : h('p', {}, t(unreadOnly ? 'notifications.noneUnread' : 'notifications.none')),
    pagination(result.page, (p) => navigate('notifications', { ...ctx.query, page: p })));
}
