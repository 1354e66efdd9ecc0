// Regions (GB/T 2260) of the Delta: names, parents, select options, and approximate coordinates for the map.
import { REGION_ROWS } from './regions.js';
import { h } from './dom.js';
import { isZh, t } from './i18n.js';

const BY_CODE = new Map(REGION_ROWS.map(([code, parent, level, zh, en]) => [code, { code, parent, level, zh, en }]));

export function region(code) {
  return BY_CODE.get(code) || null;
}

export function regionName(code, info) {
  const r = region(code);
  if (r) return isZh() ? r.zh : r.en;
  if (info) return isZh() ? (info.nameZh || code) : (info.nameEn || code);
  return code || '';
}

export function provinceOf(code) {
  let r = region(code);
  while (r && r.level !== 'P') r = region(r.parent);
  return r ? r.code : (code ? `${code.slice(0, 2)}0000` : null);
}

/** "Wujiang District, Suzhou" / "苏州市吴江区": the county with its prefecture (not for Shanghai's districts). */
export function regionPath(code, info) {
  const r = region(code);
  if (!r) return regionName(code, info);
  const parent = region(r.parent);
  if (r.level === 'C' && parent && parent.level === 'R' && !/^(市辖区|县)$/.test(parent.zh)) {
    return isZh() ? `${parent.zh}${r.zh}` : `${r.en}, ${parent.en}`;
  }
  const province = region(provinceOf(code));
  if (r.level === 'C' && province && province.code !== r.code) {
    return isZh() ? `${province.zh}${r.zh}` : `${r.en}, ${province.en}`;
  }
  return isZh() ? r.zh : r.en;
}

export const PROVINCES = ['310000', '320000', '330000', '340000'];

function children(code) {
  return REGION_ROWS.filter((row) => row[1] === code).map((row) => region(row[0]));
}

function name(r) {
  return isZh() ? r.zh : r.en;
}

/** Options for a filter: provinces, their prefectures and counties (any level filters). */
export function regionFilterOptions(selected) {
  const options = [h('option', { value: '' }, t('filter.all'))];
  for (const p of PROVINCES.map(region)) {
    const group = h('optgroup', { label: name(p) });
    group.appendChild(h('option', { value: p.code, selected: selected === p.code }, `${name(p)} (${t('filter.all')})`));
    for (const prefecture of children(p.code)) {
      const municipal = /^(市辖区|县)$/.test(prefecture.zh);
      if (!municipal) {
        group.appendChild(h('option', { value: prefecture.code, selected: selected === prefecture.code }, `· ${name(prefecture)}`));
      }
      for (const county of children(prefecture.code)) {
        group.appendChild(h('option', { value: county.code, selected: selected === county.code },
          `${municipal ? '· ' : '· · '}${name(county)}`));
      }
    }
    options.push(group);
  }
  return options;
}

/** Options for a form: county-level codes only, grouped by prefecture. */
export function countyOptions(selected) {
  const options = [h('option', { value: '' }, t('form.region.choose'))];
  for (const p of PROVINCES.map(region)) {
    for (const prefecture of children(p.code)) {
      const municipal = /^(市辖区|县)$/.test(prefecture.zh);
      const group = h('optgroup', { label: municipal ? name(p) : `${name(p)} · ${name(prefecture)}` });
      for (const county of children(prefecture.code)) {
        group.appendChild(h('option', { value: county.code, selected: selected === county.code }, `${name(county)} (${county.code})`));
      }
      options.push(group);
    }
  }
  return options;
}

// Approximate longitude/latitude of prefecture seats and of some counties (decimal degrees). A county without its
// own entry is drawn near its prefecture's seat.
const COORDINATES = {
  310000: [121.47, 31.23], 310101: [121.49, 31.23], 310104: [121.44, 31.19], 310105: [121.42, 31.22],
  310106: [121.45, 31.23], 310107: [121.40, 31.25], 310109: [121.50, 31.27], 310110: [121.53, 31.27],
  310112: [121.38, 31.11], 310113: [121.49, 31.40], 310114: [121.25, 31.38], 310115: [121.60, 31.22],
  310116: [121.34, 30.74], 310117: [121.23, 31.03], 310118: [121.12, 31.15], 310120: [121.47, 30.92],
  310151: [121.40, 31.62],
  320100: [118.80, 32.06], 320111: [118.63, 32.06], 320115: [118.84, 31.95], 320200: [120.31, 31.49],
  320214: [120.36, 31.49], 320281: [120.28, 31.91], 320300: [117.28, 34.20], 320400: [119.97, 31.81],
  320500: [120.58, 31.30], 320505: [120.57, 31.32], 320506: [120.63, 31.26], 320507: [120.64, 31.37],
  320509: [120.64, 30.99], 320581: [120.75, 31.65], 320582: [120.55, 31.88], 320583: [120.98, 31.38],
  320585: [121.10, 31.46], 320600: [120.89, 31.98], 320700: [119.22, 34.60], 320800: [119.02, 33.61],
  320900: [120.16, 33.35], 321000: [119.41, 32.39], 321100: [119.45, 32.20], 321200: [119.92, 32.46],
  321300: [118.28, 33.96],
  330100: [120.15, 30.28], 330106: [120.13, 30.27], 330108: [120.21, 30.21], 330109: [120.26, 30.18],
  330110: [120.30, 30.42], 330114: [120.50, 30.30], 330200: [121.55, 29.87], 330206: [121.84, 29.90],
  330212: [121.55, 29.82], 330300: [120.70, 28.00], 330400: [120.76, 30.75], 330402: [120.78, 30.75],
  330411: [120.71, 30.77], 330421: [120.92, 30.83], 330424: [120.95, 30.53], 330481: [120.68, 30.51],
  330482: [121.02, 30.70], 330483: [120.57, 30.63], 330500: [120.09, 30.89], 330600: [120.58, 30.00],
  330700: [119.65, 29.08], 330800: [118.87, 28.94], 330900: [122.21, 29.99], 331000: [121.42, 28.66],
  331100: [119.92, 28.45],
  340100: [117.23, 31.82], 340104: [117.26, 31.85], 340111: [117.31, 31.79], 340200: [118.38, 31.33],
  340300: [117.39, 32.92], 340400: [117.00, 32.63], 340500: [118.51, 31.67], 340600: [116.80, 33.96],
  340700: [117.81, 30.94], 340800: [117.05, 30.53], 341000: [118.34, 29.71], 341100: [118.32, 32.30],
  341200: [115.81, 32.89], 341300: [116.98, 33.63], 341500: [116.52, 31.73], 341600: [115.78, 33.85],
  341700: [117.49, 30.66], 341800: [118.76, 30.94],
};

/** [longitude, latitude] of a region code, nudged a little per county when only its prefecture is known. */
export function coordinates(code) {
  if (COORDINATES[code]) return COORDINATES[code];
  const r = region(code);
  const parent = r && region(r.parent);
  const base = (parent && COORDINATES[parent.code]) || COORDINATES[provinceOf(code)];
  if (!base) return null;
  const n = Number(code.slice(-2));
  const angle = (n * 137.5 * Math.PI) / 180;
  return [base[0] + 0.12 * Math.cos(angle), base[1] + 0.12 * Math.sin(angle)];
}

// Schematic lines: the lower Yangtze, the coast and Lake Tai (approximate).
export const YANGTZE = [[116.2, 29.9], [117.05, 30.5], [117.8, 30.95], [118.38, 31.35], [118.5, 31.7], [118.75, 32.1],
  [119.45, 32.25], [119.9, 32.1], [120.27, 31.95], [120.85, 31.93], [121.3, 31.75], [121.9, 31.45]];
export const COAST = [[119.2, 35.0], [119.4, 34.75], [120.3, 34.3], [120.9, 33.4], [121.4, 32.5], [121.9, 31.8],
  [121.95, 31.1], [121.6, 30.85], [121.3, 30.7], [120.9, 30.4], [120.5, 30.3], [121.2, 30.15], [121.9, 29.95],
  [121.95, 29.5], [121.6, 28.6], [120.95, 27.9], [120.5, 27.2]];
export const TAIHU = { center: [120.23, 31.2], rx: 0.3, ry: 0.25 };
