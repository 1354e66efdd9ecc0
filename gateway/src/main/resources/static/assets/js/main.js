// The portal: layout, language switch, session and hash routes (#/news, #/offers/…). Every view renders into
// <main> with DOM calls only.
import { h, replace } from './dom.js';
import { lang, onLangChange, setLang, t } from './i18n.js';
import { clearSession, onSessionChange, session } from './api.js';
import { announce, errorBox, loading } from './ui.js';
import { href, navigate } from './nav.js';
import { homeView } from './views/home.js';
import { newsArticleView, newsListView } from './views/news.js';
import { networkView } from './views/network.js';
import { offerDetailView, offersView } from './views/offers.js';
import { statsView } from './views/stats.js';
import { signinView } from './views/signin.js';
import { myOfferView, notificationsView, offerFormView, requestDetailView, requestFormView, workspaceView } from './views/workspace.js';
import { staffView } from './views/staff.js';

const ROUTES = [
  [/^$/, homeView],
  [/^news$/, newsListView],
  [/^news\/(.+)$/, newsArticleView],
  [/^network$/, networkView],
  [/^offers$/, offersView],
  [/^offers\/([^/]+)$/, offerDetailView],
  [/^stats$/, statsView],
  [/^signin$/, signinView],
  [/^workspace$/, workspaceView],
  [/^workspace\/requests\/new$/, requestFormView],
  [/^workspace\/requests\/([^/]+)\/edit$/, requestFormView],
  [/^workspace\/requests\/([^/]+)$/, requestDetailView],
  [/^workspace\/offers\/new$/, offerFormView],
  [/^workspace\/offers\/([^/]+)\/edit$/, offerFormView],
  [/^workspace\/offers\/([^/]+)$/, myOfferView],
  [/^notifications$/, notificationsView],
  [/^staff$/, staffView],
];

const NAV = [
  ['', 'nav.home'], ['news', 'nav.news'], ['network', 'nav.network'], ['offers', 'nav.offers'], ['stats', 'nav.stats'],
];

function currentLocation() {
  const raw = decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
  const [path, search = ''] = raw.split('?');
  return { path: path.replace(/\/$/, ''), query: Object.fromEntries(new URLSearchParams(search)) };
}

function renderHeader() {
  const header = document.getElementById('site-header');
  const { path } = currentLocation();
  const user = session();
  const section = path.split('/')[0];
  const links = NAV.map(([target, key]) => h('li', {},
    h('a', { href: href(target), 'aria-current': section === target ? 'page' : null }, t(key))));
  if (user && (user.isPartner || user.org)) {
    links.push(h('li', {}, h('a', { href: href('workspace'), 'aria-current': section === 'workspace' ? 'page' : null }, t('nav.partner'))));
    links.push(h('li', {}, h('a', { href: href('notifications'), 'aria-current': section === 'notifications' ? 'page' : null }, t('nav.notifications'))));
  }
  if (user && user.isStaff) {
    links.push(h('li', {}, h('a', { href: href('staff'), 'aria-current': section === 'staff' ? 'page' : null }, t('nav.staff'))));
  }
  const other = lang() === 'zh-CN' ? 'en-US' : 'zh-CN';
  replace(header,
    h('div', { class: 'header-inner' },
      h('a', { class: 'brand', href: href('') },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '长三角'),
        h('span', { class: 'brand-text' }, h('span', { class: 'brand-title' }, t('site.title')), h('span', { class: 'brand-sub' }, t('site.subtitle')))),
      h('div', { class: 'header-tools' },
        h('button', { type: 'button', class: 'lang-switch', lang: other, 'aria-label': `${t('lang.switch')} (${t('lang.switch.label')})`, id: 'lang-switch', onclick: () => setLang(other) }, t('lang.switch')),
        user
          ? h('span', { class: 'user' },
            h('span', { class: 'user-name', id: 'signed-in-as' }, t('signedin.as', { who: `${user.sub}${user.orgName ? ` · ${user.orgName}` : ''} (${user.roles.map((r) => t(`role.${r}`)).join(', ')})` })),
            h('button', { type: 'button', class: 'button link', onclick: () => { clearSession(); navigate(''); } }, t('nav.signout')))
          : h('a', { class: 'button small', href: href('signin') }, t('nav.signin')))),
    h('nav', { class: 'main-nav', 'aria-label': t('nav.label') }, h('ul', {}, links)));
}

function renderFooter() {
  replace(document.getElementById('site-footer'),
    h('div', { class: 'footer-inner' },
      h('p', {}, t('footer.note')),
      h('ul', { class: 'footer-links' },
        h('li', {}, h('a', { href: '/swagger-ui.html' }, t('footer.api'))),
        h('li', {}, h('a', { href: `/api/v1/news/feed.atom?lang=${lang()}` }, t('footer.feed'))))));
}

let renderCount = 0;
let lastPath = null;

export async function render() {
  const { path, query } = currentLocation();
  const main = document.getElementById('main');
  document.documentElement.lang = lang();
  document.getElementById('skip-link').textContent = t('skip');
  renderHeader();
  renderFooter();
  const count = ++renderCount;
  const ctx = {
    query,
    main,
    alive: () => count === renderCount,
    rerender: render,
    user: session(),
  };
  let matched = null;
  for (const [pattern, view] of ROUTES) {
    const m = path.match(pattern);
    if (m) { matched = [view, m.slice(1)]; break; }
  }
  const samePage = lastPath === path;
  lastPath = path;
  replace(main, loading());
  main.setAttribute('aria-busy', 'true');
  try {
    if (!matched) {
      replace(main, h('h1', { tabindex: '-1', class: 'page-title' }, '404'), h('p', {}, t('empty')));
    } else {
      await matched[0](ctx, ...matched[1]);
    }
  } catch (error) {
    if (ctx.alive()) replace(main, errorBox(error, render));
  } finally {
    if (ctx.alive()) {
      main.removeAttribute('aria-busy');
      const heading = main.querySelector('h1');
      if (heading && !samePage) heading.focus({ preventScroll: false });
    }
  }
}

window.addEventListener('hashchange', render);
const skip = document.getElementById('skip-link');
skip.addEventListener('click', (event) => {
  // the hash is the route: focus <main> without changing it
  event.preventDefault();
  document.getElementById('main').focus();
});
onLangChange(() => {
  render();
  const button = document.getElementById('lang-switch');
  if (button) button.focus();
  announce(lang() === 'zh-CN' ? '已切换到中文' : 'Switched to English', 'info');
});
onSessionChange(renderHeader);
render();
