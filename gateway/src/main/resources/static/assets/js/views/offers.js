import { h, replace } from '../dom.js';
import { formatDate, formatMoney, isZh, label, lang, pickWithLang, t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { href, navigate } from '../nav.js';
import { regionFilterOptions, regionPath } from '../geo.js';
import { bi, enumOptions, pageTitle, pagination, statusBadge } from '../ui.js';

export function offerFacts(offer) {
  return h('dl', { class: 'facts' },
    h('dt', {}, t('offers.owner')), h('dd', {}, offer.organizationName ? bi('span', offer.organizationName) : offer.organizationId),
    h('dt', {}, t('offers.field')), h('dd', {}, label('field', offer.field)),
    h('dt', {}, t('offers.region')), h('dd', {}, regionPath(offer.region, offer.regionInfo)),
    h('dt', {}, t('offers.ip')), h('dd', {}, label('ipStatus', offer.ipStatus),
      (offer.patentNumbers || []).length ? ` (${offer.patentNumbers.join(', ')})` : ''),
    h('dt', {}, t('offers.modes')), h('dd', {}, (offer.transferModes || []).map((m) => label('mode', m)).join(isZh() ? '、' : ', ')),
    (offer.keywords || []).length ? [h('dt', {}, t('offers.keywords')), h('dd', {}, offer.keywords.join(isZh() ? '、' : ', '))] : null);
}

export function offerCard(offer, { link = href(`offers/${offer.id}`), extra = null, showStatus = false } = {}) {
  return h('li', { class: 'card offer-card', 'data-offer-id': offer.id },
    h('p', { class: 'meta' },
      h('span', { class: 'badge' }, label('field', offer.field)), ' ',
      h('span', { class: 'badge badge-trl' }, t('offers.trl', { n: offer.trl })), ' ',
      showStatus ? statusBadge('listingStatus', offer.status) : null),
    h('h3', {}, h('a', { href: link }, bi('span', offer.title))),
    bi('p', offer.summary, { class: 'summary' }),
    h('p', { class: 'meta' },
      offer.organizationName ? bi('span', offer.organizationName) : null, ' · ',
      regionPath(offer.region, offer.regionInfo), ' · ',
      offer.askingPrice ? t('offers.price', { price: formatMoney(offer.askingPrice) }) : t('offers.price.none')),
    extra);
}

export async function offersView(ctx) {
  const { main, query } = ctx;
  const page = Number(query.page || 0);
  const result = await api('/api/v1/techtransfer/offers', {
    anonymous: true,
    query: { field: query.field, region: query.region, trlMin: query.trlMin, q: query.q, status: 'PUBLISHED', page, size: 12 },
  });
  if (!ctx.alive()) return;
  const field = h('select', { id: 'offer-field' }, enumOptions('field', query.field, { all: true }));
  const region = h('select', { id: 'offer-region' }, regionFilterOptions(query.region));
  const trl = h('select', { id: 'offer-trl' }, h('option', { value: '' }, t('filter.all')),
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: String(n), selected: query.trlMin === String(n) }, `≥ ${n}`)));
  const q = h('input', { id: 'offer-q', type: 'search', value: query.q || '' });
  const form = h('form', {
    class: 'filters', role: 'search', 'aria-label': t('filter.legend'),
    onsubmit: (event) => {
      event.preventDefault();
      navigate('offers', { field: field.value, region: region.value, trlMin: trl.value, q: q.value.trim() });
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'offer-q' }, t('offers.q')), q),
  h('div', { class: 'field' }, h('label', { for: 'offer-field' }, t('offers.field')), field),
  h('div', { class: 'field' }, h('label', { for: 'offer-region' }, t('offers.region')), region),
  h('div', { class: 'field' }, h('label', { for: 'offer-trl' }, t('offers.trlMin')), trl),
  h('div', { class: 'filter-actions' },
    h('button', { type: 'submit', class: 'button' }, t('filter.search')),
    h('a', { class: 'button secondary', href: href('offers') }, t('filter.reset'))));
  replace(main,
    pageTitle(t('offers.title')),
    form,
    h('p', { class: 'results', role: 'status' }, t('filter.results', { n: result.page ? result.page.totalElements : 0 })),
    result.content.length ? h('ul', { class: 'cards', id: 'offer-list' }, result.content.map((o) => offerCard(o))) : h('p', {}, t('empty')),
    pagination(result.page, (p) => navigate('offers', { ...query, page: p })));
}

export async function offerDetailView(ctx, id) {
  const { main } = ctx;
  let offer;
  try {
    offer = await api(`/api/v1/techtransfer/offers/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(main, pageTitle('404'), h('p', {}, t('offers.notfound')));
      return;
    }
    throw error;
  }
  if (!ctx.alive()) return;
  const title = pickWithLang(offer.title);
  const heading = pageTitle(title.text);
  if (title.lang !== lang()) heading.lang = title.lang;
  replace(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: href('offers') }, `← ${t('offers.back')}`)),
    h('article', { class: 'article' },
      heading,
      h('p', { class: 'meta' },
        h('span', { class: 'badge' }, label('field', offer.field)), ' ',
        h('span', { class: 'badge badge-trl' }, t('offers.trl', { n: offer.trl })), ' ',
        offer.publishedAt ? h('time', { datetime: offer.publishedAt }, t('news.published', { date: formatDate(offer.publishedAt) })) : null),
      bi('p', offer.summary, { class: 'lead' }),
      h('p', {}, offer.askingPrice ? t('offers.price', { price: formatMoney(offer.askingPrice) }) : t('offers.price.none')),
      offerFacts(offer)));
}
