import { h, replace } from '../dom.js';
import { formatDate, formatNumber, label, t } from '../i18n.js';
import { api } from '../api.js';
import { href } from '../nav.js';
import { bi, pageTitle } from '../ui.js';

export function newsCard(article) {
  return h('li', { class: 'card news-card' },
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, label('category', article.category)), ' ',
      article.publishedAt ? h('time', { datetime: article.publishedAt }, formatDate(article.publishedAt)) : null),
    h('h3', {}, h('a', { href: href(`news/${article.slug || article.id}`) }, bi('span', article.title))),
    article.summary ? bi('p', article.summary, { class: 'summary' }) : null);
}

export async function homeView(ctx) {
  const { main } = ctx;
  const [news, stats, centers] = await Promise.all([
    api('/api/v1/news', { query: { size: 3 } }).catch(() => null),
    api('/api/v1/techtransfer/stats').catch(() => null),
    api('/api/v1/techtransfer/branch-centers').catch(() => null),
  ]);
  if (!ctx.alive()) return;
  const figures = [
    [stats && stats.offers ? stats.offers.published : null, t('home.offers'), href('offers')],
    [stats && stats.requests ? stats.requests.published : null, t('home.requests'), href('stats')],
    [stats && stats.deals ? stats.deals.count : null, t('home.deals'), href('stats')],
    [Array.isArray(centers) ? centers.length : null, t('home.centers'), href('network')],
  ];
  replace(main,
    h('section', { class: 'hero' },
      pageTitle(t('site.title')),
      h('p', { class: 'lead' }, t('home.lead')),
      h('p', { class: 'hero-links' },
        h('a', { class: 'button', href: href('offers') }, t('home.more.offers')),
        h('a', { class: 'button secondary', href: href('network') }, t('home.more.network')))),
    h('section', { 'aria-labelledby': 'figures-title' },
      h('h2', { id: 'figures-title' }, t('home.figures')),
      h('ul', { class: 'figures' }, figures.map(([n, text, link]) => h('li', {},
        h('a', { href: link }, h('span', { class: 'figure' }, n === null ? '–' : formatNumber(n)), h('span', {}, text)))))),
    h('section', { 'aria-labelledby': 'latest-title' },
      h('h2', { id: 'latest-title' }, t('home.latest')),
      news && news.content && news.content.length
        ? h('ul', { class: 'cards' }, news.content.map(newsCard))
        : h('p', {}, t('empty')),
      h('p', {}, h('a', { href: href('news') }, t('home.more.news')))));
}
