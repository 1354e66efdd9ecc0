// Staff: the review queues (offers and requests awaiting review: approve, or reject with a reason) and the news
// drafts (written by staff or by the platform from events) to publish.
import { h, replace, uid } from '../dom.js';
import { formatDate, label, pick, t } from '../i18n.js';
import { all, api } from '../api.js';
import { href } from '../nav.js';
import { regionPath } from '../geo.js';
import { announce, bi, clearErrors, pageTitle, showErrors } from '../ui.js';

function reviewCard(kind, item, ctx) {
  const reasonId = uid('reason');
  const reason = h('textarea', { id: reasonId, rows: 2, maxlength: 2000 });
  const errorId = `${reasonId}-error`;
  reason.setAttribute('aria-describedby', errorId);
  const form = h('form', { class: 'review-form', novalidate: true });
  const decide = async (decision) => {
    clearErrors(form);
    try {
      await api(`/api/v1/techtransfer/${kind}s/${item.id}/review`, {
        method: 'POST', ifMatch: item.version, body: { decision, reason: reason.value.trim() || undefined },
      });
      announce(t(decision === 'APPROVE' ? 'staff.approved' : 'staff.rejected', { title: pick(item.title) }));
      ctx.rerender();
    } catch (error) {
      showErrors(form, error);
    }
  };
  form.append(
    h('div', { class: 'field', 'data-field': 'reason' },
      h('label', { for: reasonId }, t('staff.reason')),
      h('p', { class: 'field-error', id: errorId, hidden: true }),
      reason),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button', onclick: () => decide('APPROVE') }, t('staff.approve')),
      h('button', { type: 'button', class: 'button danger', onclick: () => decide('REJECT') }, t('staff.reject'))));
  const text = kind === 'offer' ? item.summary : item.description;
  return h('li', { class: 'card review', 'data-id': item.id },
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, label('field', item.field)), ' ',
      kind === 'offer' ? t('offers.trl', { n: item.trl }) : t('offers.trl', { n: `≥ ${item.requiredTrlMin}` }),
      item.branchCenterId ? ` · ${t('staff.queue', { center: item.branchCenterId })}` : ''),
    h('h3', {}, bi('span', item.title)),
    h('p', { class: 'meta' }, item.organizationName ? bi('span', item.organizationName) : item.organizationId, ' · ',
      regionPath(item.region, item.regionInfo), ' · ', formatDate(item.createdAt)),
    text ? bi('p', text) : null,
    form);
}

function draftCard(article, ctx) {
  const status = h('p', { class: 'meta', role: 'status' });
  return h('li', { class: 'card draft', 'data-id': article.id },
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, label('category', article.category)), ' ',
      article.source ? t('staff.source', { source: label('source', article.source.type) }) : null, ' · ', formatDate(article.createdAt)),
    h('h3', {}, bi('span', article.title)),
    article.summary ? bi('p', article.summary) : null,
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button', onclick: async () => {
        try {
          await api(`/api/v1/news/${article.id}/publish`, { method: 'POST', ifMatch: article.version });
          announce(t('staff.published', { title: pick(article.title) }));
          ctx.rerender();
        } catch (error) {
          status.textContent = error.message;
        }
      } }, t('staff.publish')),
      h('a', { class: 'button secondary', href: href(`news/${article.id}`) }, t('partner.view'))),
    status);
}

export async function staffView(ctx) {
  const user = ctx.user;
  if (!user || !user.isStaff) {
    replace(ctx.main, pageTitle(t('staff.title')), h('p', { class: 'alert alert-info' }, t('staff.needStaff')),
      user ? null : h('p', {}, h('a', { class: 'button', href: href('signin') }, t('nav.signin'))));
    return;
  }
  const [offers, requests, drafts] = await Promise.all([
    all('/api/v1/techtransfer/offers', { status: 'SUBMITTED', sort: 'createdAt,asc' }),
    all('/api/v1/techtransfer/requests', { status: 'SUBMITTED', sort: 'createdAt,asc' }),
    all('/api/v1/news', { status: 'DRAFT' }),
  ]);
  if (!ctx.alive()) return;
  const section = (id, title, items, render) => h('section', { 'aria-labelledby': id },
    h('h2', { id }, `${title} (${items.length})`),
    items.length ? h('ul', { class: 'cards', id: `${id}-list` }, items.map(render)) : h('p', {}, t('empty')));
  replace(ctx.main,
    pageTitle(t('staff.title')),
    section('queue-requests', t('staff.requests'), requests, (r) => reviewCard('request', r, ctx)),
    section('queue-offers', t('staff.offers'), offers, (o) => reviewCard('offer', o, ctx)),
    section('news-drafts', t('staff.news'), drafts, (a) => draftCard(a, ctx)));
}
