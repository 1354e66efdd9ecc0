import { h, replace, s, uid } from '../dom.js';
import { formatDate, isZh, label, pick, t } from '../i18n.js';
import { all, api } from '../api.js';
import { COAST, PROVINCES, TAIHU, YANGTZE, coordinates, provinceOf, region, regionPath } from '../geo.js';
import { bi, enumOptions, pageTitle, statusBadge } from '../ui.js';

// The map's frame: longitude 115.3–122.5 E, latitude 27.1–35.2 N (Anhui to the Zhoushan islands).
const FRAME = { west: 115.3, east: 122.6, south: 27.1, north: 35.2, width: 560 };
FRAME.scaleX = FRAME.width / (FRAME.east - FRAME.west);
// one degree of latitude is longer than one of longitude at 31° N
FRAME.scaleY = FRAME.scaleX / Math.cos((31 * Math.PI) / 180);
FRAME.height = Math.round((FRAME.north - FRAME.south) * FRAME.scaleY);

function project([lon, lat]) {
  return [(lon - FRAME.west) * FRAME.scaleX, (FRAME.north - lat) * FRAME.scaleY];
}

function path(points) {
  return points.map((point, i) => `${i ? 'L' : 'M'}${project(point).map((n) => n.toFixed(1)).join(',')}`).join(' ');
}

const PROVINCE_LABELS = { 310000: [121.75, 30.95], 320000: [118.9, 33.2], 330000: [119.9, 29.4], 340000: [116.9, 32.2] };

function star(cx, cy, r) {
  const points = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 ? r * 0.45 : r;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return points.join(' ');
}

function deltaMap(organizations, centers) {
  const titleId = uid('map-title');
  const descId = uid('map-desc');
  const svg = s('svg', {
    viewBox: `0 0 ${FRAME.width} ${FRAME.height}`, class: 'map', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
  },
  s('title', { id: titleId }, t('network.map')),
  s('desc', { id: descId }, `${t('network.map.desc')} ${organizations.map((o) => `${pick(o.name)} (${regionPath(o.region, o.regionInfo)})`).join('; ')}`),
  s('rect', { x: 0, y: 0, width: FRAME.width, height: FRAME.height, class: 'map-sea' }),
  s('path', { d: `${path(COAST)} L${FRAME.width},${project(COAST[COAST.length - 1])[1]} L${FRAME.width},0 Z`, class: 'map-ocean' }),
  s('path', { d: path(COAST), class: 'map-coast' }),
  s('path', { d: path(YANGTZE), class: 'map-river' }),
  s('ellipse', {
    cx: project(TAIHU.center)[0], cy: project(TAIHU.center)[1], rx: TAIHU.rx * FRAME.scaleX, ry: TAIHU.ry * FRAME.scaleY, class: 'map-lake',
  }));
  for (const code of PROVINCES) {
    const [x, y] = project(PROVINCE_LABELS[code]);
    const r = region(code);
    svg.appendChild(s('text', { x, y, class: 'map-province', 'text-anchor': 'middle' }, isZh() ? r.zh : r.en));
  }
  // prefecture seats as small reference dots
  for (const code of Object.keys(PROVINCE_LABELS)) {
    for (const prefecture of ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '15', '16', '17', '18']) {
      const c = `${code.slice(0, 2)}${prefecture}00`;
      const r = region(c);
      if (!r || r.level !== 'R' || /^(市辖区|县)$/.test(r.zh)) continue;
      const point = coordinates(c);
      if (!point) continue;
      const [x, y] = project(point);
      svg.appendChild(s('circle', { cx: x, cy: y, r: 1.8, class: 'map-city' }));
      svg.appendChild(s('text', { x: x + 4, y: y + 3, class: 'map-city-label' }, isZh() ? r.zh : r.en));
    }
  }
  for (const organization of organizations) {
    const point = coordinates(organization.region);
    if (!point) continue;
    const [x, y] = project(point);
    svg.appendChild(s('circle', { cx: x, cy: y, r: 4.5, class: `map-org province-${provinceOf(organization.region)}` },
      s('title', {}, `${pick(organization.name)} · ${regionPath(organization.region, organization.regionInfo)}`)));
  }
  for (const center of centers) {
    const point = coordinates(center.region);
    if (!point) continue;
    const [x, y] = project(point);
    svg.appendChild(s('polygon', { points: star(x, y, 9), class: 'map-center' }, s('title', {}, `${pick(center.name)} · ${regionPath(center.region, center.regionInfo)}`)));
  }
  return h('figure', { class: 'map-figure' },
    svg,
    h('figcaption', {}, t('network.map.desc'),
      h('ul', { class: 'legend' },
        h('li', {}, h('span', { class: 'swatch map-org-swatch', 'aria-hidden': 'true' }), t('network.map.legend.org')),
        h('li', {}, h('span', { class: 'swatch map-center-swatch', 'aria-hidden': 'true' }), t('network.map.legend.center')))));
}

function groupByProvince(items, regionOf) {
  const groups = new Map();
  for (const item of items) {
    const province = provinceOf(regionOf(item)) || 'other';
    if (!groups.has(province)) groups.set(province, []);
    groups.get(province).push(item);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function provinceName(code) {
  const r = region(code);
  return r ? (isZh() ? r.zh : r.en) : code;
}

function agreementCard(agreement, orgNames) {
  return h('li', { class: 'card agreement' },
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, label('agreementType', agreement.type)), ' ', statusBadge('agreementStatus', agreement.status)),
    h('h3', {}, bi('span', agreement.title)),
    agreement.signedAt ? h('p', { class: 'meta' }, t('network.agreement.signed', { date: formatDate(agreement.signedAt), place: agreement.place || '' })) : null,
    agreement.summary && Object.keys(agreement.summary).length ? bi('p', agreement.summary) : null,
    h('details', {},
      h('summary', {}, t('network.agreement.parties')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('network.agreement.parties')),
        h('dd', {}, h('ul', {}, agreement.parties.map((p) => h('li', {}, bi('span', p.name || orgNames.get(p.organizationId) || {}), p.role ? ` — ${p.role}` : '')))),
        (agreement.signatories || []).length ? [h('dt', {}, t('network.agreement.signatories')),
          h('dd', {}, h('ul', {}, agreement.signatories.map((sig) => h('li', {}, `${sig.name}, ${sig.title}`))))] : null,
        (agreement.cooperationAreas || []).length ? [h('dt', {}, t('network.agreement.areas')),
          h('dd', {}, agreement.cooperationAreas.map((a) => label('area', a)).join(isZh() ? '、' : ', '))] : null,
        h('dt', {}, t('network.agreement.effective')),
        h('dd', {}, agreement.effectiveTo ? `${formatDate(agreement.effectiveFrom)} – ${formatDate(agreement.effectiveTo)}` : t('network.agreement.from', { date: formatDate(agreement.effectiveFrom) })))));
}

export async function networkView(ctx) {
  const { main, query } = ctx;
  const [organizations, agreements, centers] = await Promise.all([
    all('/api/v1/organizations', { type: query.type }),
    all('/api/v1/agreements', {}),
    api('/api/v1/techtransfer/branch-centers'),
  ]);
  if (!ctx.alive()) return;
  const orgNames = new Map(organizations.map((o) => [o.id, o.name]));
  const visibleAgreements = agreements.filter((a) => a.status !== 'DRAFT');

  const typeSelect = h('select', {
    id: 'org-type',
    onchange: () => { window.location.hash = `#/network${typeSelect.value ? `?type=${encodeURIComponent(typeSelect.value)}` : ''}`; },
  }, enumOptions('orgType', query.type, { all: true }));

  replace(main,
    pageTitle(t('network.title')),
    h('div', { class: 'two-columns' },
      h('section', { 'aria-labelledby': 'map-heading' }, h('h2', { id: 'map-heading' }, t('network.map')), deltaMap(organizations, centers)),
      h('section', { 'aria-labelledby': 'centers-heading' },
        h('h2', { id: 'centers-heading' }, t('network.centers')),
        centers.length ? groupByProvince(centers, (c) => c.region).map(([province, list]) => h('div', { class: 'group' },
          h('h3', {}, provinceName(province)),
          h('ul', { class: 'plain-list' }, list.map((center) => h('li', { class: 'center' },
            h('strong', {}, bi('span', center.name)), h('br'),
            h('span', { class: 'meta' }, regionPath(center.region, center.regionInfo)),
            center.establishedAt ? [h('br'), h('span', { class: 'meta' }, t('network.established', { date: formatDate(center.establishedAt) }))] : null,
            orgNames.get(center.hostOrganizationId) ? [h('br'), h('span', { class: 'meta' }, t('network.host', { name: pick(orgNames.get(center.hostOrganizationId)) }))] : null)))))
          : h('p', {}, t('network.centers.none')))),
    h('section', { 'aria-labelledby': 'agreements-heading' },
      h('h2', { id: 'agreements-heading' }, t('network.agreements')),
      visibleAgreements.length ? h('ul', { class: 'cards', id: 'agreement-list' }, visibleAgreements.map((a) => agreementCard(a, orgNames))) : h('p', {}, t('empty'))),
    h('section', { 'aria-labelledby': 'orgs-heading' },
      h('h2', { id: 'orgs-heading' }, t('network.orgs')),
      h('div', { class: 'filters inline' }, h('div', { class: 'field' }, h('label', { for: 'org-type' }, t('network.orgs.type')), typeSelect)),
      organizations.length ? groupByProvince(organizations, (o) => o.region).map(([province, list]) => h('div', { class: 'group' },
        h('h3', {}, provinceName(province)),
        h('ul', { class: 'org-list' }, list.map((o) => h('li', {},
          bi('span', o.name, { class: 'org-name' }), ' ',
          h('span', { class: 'badge' }, label('orgType', o.type)), ' ',
          h('span', { class: 'meta' }, regionPath(o.region, o.regionInfo)))))))
        : h('p', {}, t('empty'))));
}
