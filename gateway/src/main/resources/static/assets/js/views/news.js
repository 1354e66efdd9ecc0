import { h, replace, safeFragment } from '../dom.js';
import { formatDate, label, lang, pickWithLang, t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { href, navigate } from '../nav.js';
import { regionFilterOptions, regionName } from '../geo.js';
import { bi, enumOptions, pageTitle, pagination } from '../ui.js';
import { newsCard } from './home.js';

export async function newsListView(ctx) {
  const { main, query } = ctx;
  const page = Number(query.page || 0);
  const result = await api('/api/v1/news', {
    query: { category: query.category, region: query.region, q: query.q, page, size: 10 },
  });
  if (!ctx.alive()) return;

  const category = h('select', { id: 'news-category', name: 'category' }, enumOptions('category', query.category, { all: true }));
  const region = h('select', { id: 'news-region', name: 'region' }, regionFilterOptions(query.region));
  const q = h('input', { id: 'news-q', name: 'q', type: 'search', value: query.q || '' });
  const form = h('form', {
    class: 'filters', role: 'search', 'aria-label': t('filter.legend'),
    onsubmit: (event) => {
      event.preventDefault();
      navigate('news', { category: category.value, region: region.value, q: q.value.trim() });
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'news-q' }, t('news.q')), q),
  h('div', { class: 'field' }, h('label', { for: 'news-category' }, t('news.category')), category),
  h('div', { class: 'field' }, h('label', { for: 'news-region' }, t('news.region')), region),
  h('div', { class: 'filter-actions' },
    h('button', { type: 'submit', class: 'button' }, t('filter.search')),
    h('a', { class: 'button secondary', href: href('news') }, t('filter.reset'))));

  replace(main,
    pageTitle(t('news.title')),
    form,
    h('p', { class: 'results', role: 'status' }, t('filter.results', { n: result.page ? result.page.totalElements : 0 })),
    result.content.length ? h('ul', { class: 'cards', id: 'news-list' }, result.content.map(newsCard)) : h('p', {}, t('empty')),
    pagination(result.page, (p) => navigate('news', { ...query, page: p })));
}

export async function newsArticleView(ctx, idOrSlug) {
  const { main } = ctx;
  let article;
  try {
    article = await api(`/api/v1/news/${encodeURIComponent(idOrSlug)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(main, pageTitle('404'), h('p', {}, t('news.notfound')), h('p', {}, h('a', { href: href('news') }, t('news.back'))));
      return;
    }
    throw error;
  }
  if (!ctx.alive()) return;
  const title = pickWithLang(article.title);
  const bodyLang = pickWithLang(article.bodyHtml || {}).lang;
  const only = (article.languages || []).length === 1 && article.languages[0] !== lang()
    ? h('p', { class: 'alert alert-info' }, t('news.only', { lang: label('langName', article.languages[0]) })) : null;
  const heading = pageTitle(title.text);
  if (title.lang !== lang()) heading.lang = title.lang;
  const body = h('div', { class: 'article-body', lang: bodyLang !== lang() ? bodyLang : null });
  body.appendChild(safeFragment(pickWithLang(article.bodyHtml || {}).text));
  replace(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: href('news') }, `← ${t('news.back')}`)),
    h('article', { class: 'article' },
      heading,
      h('p', { class: 'meta' },
        h('span', { class: 'badge' }, label('category', article.category)), ' ',
        article.publishedAt ? h('time', { datetime: article.publishedAt }, t('news.published', { date: formatDate(article.publishedAt) })) : null),
      only,
      article.summary && Object.keys(article.summary).length ? bi('p', article.summary, { class: 'lead' }) : null,
      body,
      (article.regions || []).length ? h('p', { class: 'meta' }, `${t('news.regions')}: `,
        article.regions.map((code, i) => [i ? ', ' : '', h('a', { href: href('news', { region: code }) }, regionName(code))])) : null,
      (article.tags || []).length ? h('p', { class: 'meta' }, `${t('news.tags')}: `, article.tags.join(', ')) : null));
}
