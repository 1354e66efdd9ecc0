// The portal in a real headless Chromium against the running platform, through the gateway only:
//   1. a visitor reads news in both languages;
//   2. a partner submits a request with one invalid field, sees the message next to it, fixes it and submits;
//   3. staff approve it;
//   4. the partner sees ranked matches with their reasons and expresses interest;
//   5. the offer's owner accepts the interest;
//   6. the offer's owner sees the platform's suggestion among its notifications and marks it read;
//   7. a partner edits a request awaiting review: an invalid field shows the service's message, the fix is saved.
// Fixtures (two organizations, a published offer, a published article) are made through the API first, with a
// run id in their names, so the tests run on an empty platform and next to the demo data alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, eventually, expect, token } from '../lib/api.mjs';
import { launch, openPage, screenshot } from '../lib/browser.mjs';
import { GATEWAY_URL } from '../lib/env.mjs';

const run = Date.now().toString(36);
const fixture = {};
let browser;

async function signIn(page, { user, organizationId, role }) {
  await page.goto(`${GATEWAY_URL}/#/signin`);
  await page.locator('#signin-user').fill(user);
  await page.locator('#signin-role').selectOption(role);
  await page.locator('#signin-org').selectOption(organizationId || '');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(role === 'STAFF' ? /#\/staff$/ : /#\/workspace$/);
  await page.locator('#signed-in-as').waitFor();
}

function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], 'no script error and nothing blocked by the Content-Security-Policy');
}

describe('the portal in Chromium', { concurrency: false }, () => {
  before(async () => {
    const staff = await token(`portal-test-staff-${run}`, ['STAFF']);
    fixture.staff = staff;
    const register = (en, zh, type, region) => expect(201, call('POST', '/api/v1/organizations', staff,
      { name: { 'en-US': `${en} ${run}`, 'zh-CN': `${zh}${run}` }, type, region }));
    fixture.requester = await register('Portal Test Fiber Works', '门户测试光纤厂', 'ENTERPRISE', '320509');
    fixture.provider = await register('Portal Test Materials Institute', '门户测试材料研究院', 'RESEARCH_INSTITUTE', '310118');

    const provider = await token(`portal-test-provider-${run}`, ['PARTNER'], fixture.provider.id);
    const offerBody = {
      title: { 'en-US': `Ultra-low-loss optical fiber preform deposition ${run}`, 'zh-CN': `超低损耗光纤预制棒沉积工艺${run}` },
      summary: {
        'en-US': 'A plasma deposition process for optical fiber preforms with low attenuation and a high deposition rate.',
        'zh-CN': '一种低衰减、高沉积速率的光纤预制棒等离子沉积工艺。',
      },
      field: 'NEW_MATERIALS', keywords: ['optical fiber', 'preform', '光纤', '预制棒', 'low loss'], trl: 7,
      ipStatus: 'PATENT_GRANTED', patentNumbers: ['CN123456789B'], transferModes: ['LICENSE', 'ASSIGNMENT'],
      askingPrice: { amount: 1500000, currency: 'CNY' }, region: '310118',
    };
    // techtransfer-service learns the new organizations from organizations.v1
    const offer = await eventually('techtransfer-service to know the provider', async () => {
      const response = await call('POST', '/api/v1/techtransfer/offers', provider, offerBody);
      return response.status === 201 ? response.json : null;
    });
    fixture.offer = await expect(200, call('POST', `/api/v1/techtransfer/offers/${offer.id}/review`, staff,
      { decision: 'APPROVE' }, { 'If-Match': `"${offer.version}"` }));
    await eventually('techtransfer-service to know the requester', async () => {
      const requester = await token(`portal-test-probe-${run}`, ['PARTNER'], fixture.requester.id);
      const response = await call('GET', '/api/v1/techtransfer/requests', requester);
      return response.status === 200;
    });

    const article = await expect(201, call('POST', '/api/v1/news', staff, {
      title: { 'en-US': `Fenhu Branch Center opens its doors ${run}`, 'zh-CN': `汾湖分中心正式启用${run}` },
      summary: { 'en-US': 'Partners of the three places meet at the new branch center.', 'zh-CN': '三地合作伙伴在新分中心相聚。' },
      body: {
        'en-US': 'The **NTME Fenhu Branch Center** welcomed its first partners.\n\n- technology transfer\n- matchmaking',
        'zh-CN': '**国家技术转移东部中心汾湖分中心**迎来首批合作伙伴。\n\n- 技术转移\n- 供需对接',
      },
      category: 'EVENT', regions: ['320509'], tags: ['portal test'],
    }));
    fixture.article = await expect(200, call('POST', `/api/v1/news/${article.id}/publish`, staff));
    browser = await launch();
  });

  after(async () => {
    if (browser) await browser.close();
  });

  test('1. a visitor reads news in both languages', async () => {
    const { context, page } = await openPage(browser, { locale: 'en-US' });
    try {
      await page.goto(`${GATEWAY_URL}/`);
      await page.locator('h1').first().waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en-US', 'the first language comes from the browser');
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'News' }).click();
      await page.locator('#news-list').waitFor();
      await screenshot(page, '01-news-list-en');
      await page.getByRole('link', { name: `Fenhu Branch Center opens its doors ${run}` }).click();
      await page.getByRole('heading', { level: 1, name: `Fenhu Branch Center opens its doors ${run}` }).waitFor();
      assert.match(await page.locator('.article-body').innerText(), /welcomed its first partners/);
      assert.equal(await page.locator('.article-body strong').first().innerText(), 'NTME Fenhu Branch Center');
      await screenshot(page, '02-news-article-en');

      await page.getByRole('button', { name: 'Switch to Chinese' }).click();
      await page.getByRole('heading', { level: 1, name: `汾湖分中心正式启用${run}` }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.match(await page.locator('.article-body').innerText(), /迎来首批合作伙伴/);
      await screenshot(page, '03-news-article-zh');
      assertNoProblems(page);
    } finally {
      await context.close();
    }

    // a Chinese browser starts in Chinese
    const zh = await openPage(browser, { locale: 'zh-CN' });
    try {
      await zh.page.goto(`${GATEWAY_URL}/#/news`);
      await zh.page.locator('#news-list').waitFor();
      assert.equal(await zh.page.locator('html').getAttribute('lang'), 'zh-CN');
      await zh.page.getByRole('heading', { level: 1, name: '新闻动态' }).waitFor();
      assertNoProblems(zh.page);
    } finally {
      await zh.context.close();
    }
  });

  test('2. a partner submits a request with an invalid field, sees the message, fixes it and submits', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, { user: `portal-partner-${run}`, organizationId: fixture.requester.id, role: 'PARTNER' });
      await page.locator('#new-request').click();
      await page.locator('#request-form').waitFor();
      await page.getByLabel('Title · English', { exact: true }).fill(`Optical fiber preform with lower attenuation ${run}`);
      await page.getByLabel('Title · Chinese', { exact: true }).fill(`更低衰减的光纤预制棒${run}`);
      await page.getByLabel('Description · English', { exact: true })
        .fill('We draw optical fiber in Fenhu and need a preform deposition process with low loss.');
      await page.getByLabel('Field', { exact: true }).selectOption('NEW_MATERIALS');
      await page.getByLabel('Keywords', { exact: true }).fill('optical fiber, preform, 光纤, low loss');
      await page.locator('#request-trl').fill('12'); // out of range: the service says so
      await page.getByLabel('Licence', { exact: true }).check();
      await page.getByLabel('Budget from', { exact: true }).fill('800000');
      await page.getByLabel('Budget up to', { exact: true }).fill('2000000');
      await page.locator('#request-region').selectOption('320509');
      await page.locator('#request-submit').click();

      const trlField = page.locator('[data-field="requiredTrlMin"]');
      const message = trlField.locator('.field-error');
      await message.waitFor({ state: 'visible' });
      assert.match(await message.innerText(), /9/, 'the service\'s message for requiredTrlMin is next to the field');
      assert.equal(await page.locator('#request-trl').getAttribute('aria-invalid'), 'true');
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), true,
        'the error summary takes the focus');
      await screenshot(page, '04-request-invalid');

      await page.locator('#request-trl').fill('5');
      await page.locator('#request-submit').click();
      await page.waitForURL(/#\/workspace\/requests\/(?!new$)[^/]+$/);
      fixture.requestId = decodeURIComponent(new URL(page.url()).hash.split('/').pop());
      await page.getByText('Awaiting review').first().waitFor();
      await screenshot(page, '05-request-submitted');
      assertNoProblems(page);
    } finally {
      await context.close();
    }
  });

  test('3. staff approve it', async () => {
    assert.ok(fixture.requestId, 'test 2 submitted a request');
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, { user: `portal-staff-${run}`, role: 'STAFF' });
      const card = page.locator(`#queue-requests-list li[data-id="${fixture.requestId}"]`);
      await card.waitFor();
      await screenshot(page, '06-staff-review-queue');
      await card.getByRole('button', { name: 'Approve' }).click();
      await card.waitFor({ state: 'detached' });
      const request = await expect(200, call('GET', `/api/v1/techtransfer/requests/${fixture.requestId}`, fixture.staff));
      assert.equal(request.status, 'PUBLISHED');
      assertNoProblems(page);
    } finally {
      await context.close();
    }
  });

  test('4. the partner sees ranked matches with reasons and expresses interest', async () => {
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, { user: `portal-partner-${run}`, organizationId: fixture.requester.id, role: 'PARTNER' });
      await page.goto(`${GATEWAY_URL}/#/workspace/requests/${fixture.requestId}`);
      const card = page.locator(`#match-list li[data-offer-id="${fixture.offer.id}"]`);
      await card.waitFor();
      const reasons = await card.locator('.reasons li').allInnerTexts();
      assert.ok(reasons.length >= 2, `the match says why it ranks: ${JSON.stringify(reasons)}`);
      assert.ok(reasons.some((reason) => /new materials|field/i.test(reason)), JSON.stringify(reasons));
      assert.match(await card.locator('.score').innerText(), /Score \d+%/);
      await screenshot(page, '07-matches');

      await card.getByLabel('A note to the owner (optional)').fill('Our Fenhu plant would like to license this process.');
      await card.getByRole('button', { name: 'Express interest' }).click();
      await page.locator(`#match-list li[data-offer-id="${fixture.offer.id}"] .interest-state`).waitFor();
      assert.match(await page.locator(`#match-list li[data-offer-id="${fixture.offer.id}"] .interest-state`).innerText(), /Proposed/);
      const matches = await expect(200, call('GET', '/api/v1/techtransfer/matches?size=100', fixture.staff));
      const match = matches.content.find((m) => m.requestId === fixture.requestId && m.offerId === fixture.offer.id);
      assert.ok(match, 'the expression of interest is stored');
      assert.equal(match.status, 'PROPOSED');
      fixture.matchId = match.id;
      assertNoProblems(page);
    } finally {
      await context.close();
    }
  });

  test('5. the offer\'s owner accepts the interest', async () => {
    assert.ok(fixture.matchId, 'test 4 expressed interest');
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, { user: `portal-provider-${run}`, organizationId: fixture.provider.id, role: 'PARTNER' });
      const card = page.locator(`li.interest[data-match-id="${fixture.matchId}"]`);
      await card.waitFor();
      await card.getByRole('button', { name: 'Accept' }).click();
      await page.locator(`li.interest[data-match-id="${fixture.matchId}"] .badge-negotiating`).waitFor();
      const match = await expect(200, call('GET', `/api/v1/techtransfer/matches/${fixture.matchId}`, fixture.staff));
      assert.equal(match.status, 'NEGOTIATING');
      assertNoProblems(page);
    } finally {
      await context.close();
    }
  });

  test('6. the offer\'s owner sees the platform\'s suggestion among its notifications and marks it read', async () => {
    assert.ok(fixture.requestId, 'test 3 published a request that fits the offer');
    const provider = await token(`portal-provider-${run}`, ['PARTNER'], fixture.provider.id);
    // continuous matching consumes RequestPublished and notifies the owners of the offers that fit
    const notification = await eventually('the suggestion of the published request', async () => {
      const listed = await call('GET', '/api/v1/techtransfer/notifications?size=100', provider);
      return listed.status === 200
        && listed.json.content.find((n) => n.requestId === fixture.requestId && n.offerId === fixture.offer.id);
    });
    assert.equal(notification.kind, 'REQUEST_FOR_OFFER');
    assert.equal(notification.read, false);
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, { user: `portal-provider-${run}`, organizationId: fixture.provider.id, role: 'PARTNER' });
      await page.getByRole('link', { name: 'Notifications' }).click();
      const item = page.locator(`#notification-list li[data-id="${notification.id}"]`);
      await item.waitFor();
      assert.match(await item.innerText(), new RegExp(`A new request fits your technology “Ultra-low-loss optical fiber preform deposition ${run}”`));
      assert.match(await item.locator('.badge-unread').innerText(), /Unread/);
      assert.ok((await item.locator('.reasons li').count()) >= 1, 'the suggestion says why it fits');
      await screenshot(page, '08-notifications');

      // by keyboard: the button is reachable and announced with the notification it marks
      const mark = item.getByRole('button', { name: 'Mark as read' });
      await mark.focus();
      await page.keyboard.press('Enter');
      await item.locator('.badge-unread').waitFor({ state: 'detached' });
      assert.equal(await item.getByRole('button', { name: 'Mark as read' }).count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.id), notification.id,
        'the focus stays on the notification');
      const stored = await expect(200, call('GET', '/api/v1/techtransfer/notifications?size=100', provider));
      const read = stored.content.find((n) => n.id === notification.id);
      assert.equal(read.read, true);
      assert.ok(read.readAt, 'the service keeps when it was read');

      await page.locator('#notifications-filter').selectOption('unread');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/#\/notifications\?unread=true$/);
      await page.locator('#notification-list, main p:has-text("No unread notifications.")').first().waitFor();
      assert.equal(await page.locator(`li[data-id="${notification.id}"]`).count(), 0, 'a read one is not unread');
      assertNoProblems(page);
    } finally {
      await context.close();
    }
  });

  test('7. a partner edits a request awaiting review, sees the message for an invalid field, fixes it and saves', async () => {
    const requester = await token(`portal-partner-${run}`, ['PARTNER'], fixture.requester.id);
    const draft = await expect(201, call('POST', '/api/v1/techtransfer/requests', requester, {
      title: { 'en-US': `Fiber coating line ${run}` },
      description: { 'en-US': 'We need a UV-curable coating line for drawn optical fiber.' },
      field: 'NEW_MATERIALS', keywords: ['coating', 'optical fiber'], requiredTrlMin: 6, acceptableModes: ['LICENSE'],
      region: '320509',
    }));
    const { context, page } = await openPage(browser);
    try {
      await signIn(page, { user: `portal-partner-${run}`, organizationId: fixture.requester.id, role: 'PARTNER' });
      await page.goto(`${GATEWAY_URL}/#/workspace/requests/${draft.id}`);
      await page.getByRole('heading', { level: 1, name: `Fiber coating line ${run}` }).waitFor();
      await page.locator('#edit-request').click();
      await page.locator('#request-form').waitFor();
      const title = page.getByLabel('Title · English', { exact: true });
      assert.equal(await title.inputValue(), `Fiber coating line ${run}`, 'the form starts from the stored request');
      await title.fill(`UV-curable fiber coating line ${run}`);
      await page.locator('#request-trl').fill('12'); // out of range: the service says so
      await page.getByRole('button', { name: 'Save changes' }).click();

      const message = page.locator('[data-field="requiredTrlMin"] .field-error');
      await message.waitFor({ state: 'visible' });
      assert.match(await message.innerText(), /9/, 'the service\'s message for requiredTrlMin is next to the field');
      assert.equal(await page.locator('#request-trl').getAttribute('aria-invalid'), 'true');
      await screenshot(page, '09-request-edit-invalid');
      const unchanged = await expect(200, call('GET', `/api/v1/techtransfer/requests/${draft.id}`, requester));
      assert.equal(unchanged.version, draft.version, 'an invalid edit stores nothing');

      await page.locator('#request-trl').fill('7');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(new RegExp(`#/workspace/requests/${draft.id}$`));
      await page.getByRole('heading', { level: 1, name: `UV-curable fiber coating line ${run}` }).waitFor();
      await page.getByText('Awaiting review').first().waitFor();
      await screenshot(page, '10-request-edited');
      const edited = await expect(200, call('GET', `/api/v1/techtransfer/requests/${draft.id}`, requester));
      assert.equal(edited.title['en-US'], `UV-curable fiber coating line ${run}`);
      assert.equal(edited.requiredTrlMin, 7);
      assert.equal(edited.status, 'SUBMITTED');
      assert.equal(edited.version, draft.version + 1, 'edited in place: one new version, no second request');
      assertNoProblems(page);
    } finally {
      await context.close();
    }
  });
});
