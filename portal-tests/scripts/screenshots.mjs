// Screenshots of the portal's main pages for the README, taken from a local stack with the demo data
// (`./run.sh`, which loads the founding story on its first start):
//   node scripts/screenshots.mjs            → docs/screenshots/*.png
// GATEWAY_URL / TOKEN_ISSUER_URL as for the tests; OUT_DIR overrides the folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { launch, openPage } from '../lib/browser.mjs';
import { GATEWAY_URL } from '../lib/env.mjs';
import { call, expect } from '../lib/api.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.OUT_DIR || path.resolve(here, '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const organizations = (await expect(200, call('GET', '/api/v1/organizations?size=100'))).content;
const orgId = (english) => {
  const found = organizations.find((o) => o.name['en-US'] === english);
  if (!found) throw new Error(`no organization "${english}": start the stack with its demo data (./run.sh)`);
  return found.id;
};
const founding = (await expect(200, call('GET', '/api/v1/news?q=Qingpu%20Wujiang%20Jiashan&size=20'))).content
  .find((a) => a.category === 'REGIONAL_COOPERATION' && a.title['en-US'].startsWith('Advancing integration'));

const browser = await launch();
async function shoot(name, locale, route, { signIn, fullPage = false, height = 900, prepare } = {}) {
  const { context, page } = await openPage(browser, { locale });
  await page.setViewportSize({ width: 1280, height });
  if (signIn) {
    await page.goto(`${GATEWAY_URL}/#/signin`);
    await page.locator('#signin-user').fill(signIn.user);
    await page.locator('#signin-role').selectOption(signIn.role);
    await page.locator('#signin-org').selectOption(signIn.org || '');
    await page.locator('form button[type="submit"]').click();
    await page.locator('#signed-in-as').waitFor();
  }
  await page.goto(`${GATEWAY_URL}/#/${route}`);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  if (prepare) await prepare(page);
  await page.evaluate(() => {
    if (document.activeElement) document.activeElement.blur();
    document.getElementById('announcer').replaceChildren(); // no toast in the picture
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  if (page.problems.length) throw new Error(`${name}: ${page.problems.join('; ')}`);
  await context.close();
  console.log(`docs/screenshots/${name}.png`);
}

await shoot('home-zh', 'zh-CN', '');
await shoot('news-article-en', 'en-US', `news/${founding.slug}`, { fullPage: true });
await shoot('news-article-zh', 'zh-CN', `news/${founding.slug}`, { fullPage: true });
await shoot('network-map', 'en-US', 'network', { height: 1100 });
await shoot('offers', 'zh-CN', 'offers?field=NEW_MATERIALS', { height: 1000 });
await shoot('stats', 'en-US', 'stats', { fullPage: true });
const fenhuOptical = orgId('Fenhu Optical Communication Technology Co., Ltd.');
const requests = (await expect(200, call('GET', '/api/v1/techtransfer/requests?size=100',
  await (await import('../lib/api.mjs')).token('screenshots', ['STAFF'])))).content;
const siph = requests.find((r) => r.organizationId === fenhuOptical && r.title['en-US'].startsWith('Co-development of a 400G'));
await shoot('partner-matches', 'en-US', `workspace/requests/${siph.id}`, {
  signIn: { user: 'li.hua', org: fenhuOptical, role: 'PARTNER' }, height: 1300,
});
// the demo publishes offers before requests, so continuous matching notifies offer owners: show one of them
const staffToken = await (await import('../lib/api.mjs')).token('screenshots', ['STAFF']);
const notified = (await expect(200, call('GET', '/api/v1/techtransfer/notifications?size=1', staffToken)))
  .content[0].organizationId;
await shoot('notifications', 'zh-CN', 'notifications', {
  signIn: { user: 'wang.fang', org: notified, role: 'PARTNER' }, height: 1100,
});
await shoot('signin', 'en-US', 'signin');
await browser.close();
