import { h, replace } from '../dom.js';
import { formatDate, formatMoney, formatNumber, isZh, label, t, values } from '../i18n.js';
import { api } from '../api.js';
import { barChart } from '../charts.js';
import { pageTitle } from '../ui.js';

function regionLabel(row) {
  return isZh() ? (row.nameZh || row.code) : (row.nameEn || row.code);
}

function valueIn(row, currency = 'CNY') {
  const total = (row.value || []).find((money) => money.currency === currency);
  return total ? Number(total.amount) : 0;
}

export async function statsView(ctx) {
  const { main } = ctx;
  const stats = await api('/api/v1/techtransfer/stats');
  if (!ctx.alive()) return;
  const byField = barChart({
    title: t('stats.byField'),
    series: [t('stats.offers'), t('stats.requests')],
    rows: values('field').map((field) => ({
      label: label('field', field),
      values: [stats.offers.byField[field] || 0, stats.requests.byField[field] || 0],
    })),
  });
  const deals = stats.deals || { count: 0, byProvince: [], byCounty: [], byMode: [], value: [] };
  const dealCharts = deals.count ? [
    barChart({
      title: `${t('stats.dealsByRegion')} · ${t('stats.county')}`,
      series: [t('stats.deals')],
      rows: deals.byCounty.map((row) => ({ label: regionLabel(row), values: [row.count] })),
    }),
    barChart({
      title: `${t('stats.dealsByRegion')} · ${t('stats.value')} (CNY)`,
      series: [t('stats.value')],
      format: (n) => formatMoney({ amount: n, currency: 'CNY' }),
      rows: deals.byProvince.map((row) => ({ label: regionLabel(row), values: [valueIn(row)] })),
    }),
    barChart({
      title: t('stats.dealsByMode'),
      series: [t('stats.deals')],
      rows: deals.byMode.map((row) => ({ label: label('mode', row.mode), values: [row.count] })),
    }),
  ] : [h('p', {}, t('stats.none'))];
  const conversion = stats.conversion || { publishedRequests: 0, requestsWithDeal: 0, rate: 0 };
  replace(main,
    pageTitle(t('stats.title')),
    h('ul', { class: 'figures' },
      h('li', {}, h('span', { class: 'figure' }, formatNumber(stats.offers.published)), h('span', {}, t('home.offers'))),
      h('li', {}, h('span', { class: 'figure' }, formatNumber(stats.requests.published)), h('span', {}, t('home.requests'))),
      h('li', {}, h('span', { class: 'figure' }, formatNumber(deals.count)), h('span', {}, t('home.deals'))),
      h('li', {}, h('span', { class: 'figure' }, (deals.value || []).map((m) => formatMoney(m)).join(' + ') || '–'), h('span', {}, t('stats.value')))),
    h('p', {}, t('stats.conversion', {
      rate: new Intl.NumberFormat(isZh() ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(conversion.rate || 0),
      deals: conversion.requestsWithDeal, requests: conversion.publishedRequests,
    })),
    h('section', { 'aria-labelledby': 'chart-fields' }, h('h2', { id: 'chart-fields' }, t('stats.byField')), byField),
    h('section', { 'aria-labelledby': 'chart-deals' }, h('h2', { id: 'chart-deals' }, t('stats.dealsByRegion')), dealCharts),
    h('p', { class: 'meta' }, t('stats.generated', { date: formatDate(stats.generatedAt) })));
}
