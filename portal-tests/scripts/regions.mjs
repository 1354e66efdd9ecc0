// Writes the portal's region table (gateway/src/main/resources/static/assets/js/regions.js) from the platform's
// GB/T 2260 table: the four provinces of the Yangtze River Delta (Shanghai, Jiangsu, Zhejiang, Anhui).
// usage: node scripts/regions.mjs          (tests/regions.test.mjs fails when the two drift apart)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const csvFile = path.join(repoRoot, 'platform-commons/src/main/resources/regions/gbt2260.csv');
export const jsFile = path.join(repoRoot, 'gateway/src/main/resources/static/assets/js/regions.js');
const DELTA = ['31', '32', '33', '34'];

export function deltaRows() {
  return readFileSync(csvFile, 'utf8').split(/\r?\n/).slice(1).filter(Boolean)
    .map((line) => line.split(','))
    .filter(([code]) => DELTA.includes(code.slice(0, 2)))
    .map(([code, parent, level, zh, en]) => [code, parent, { PROVINCE: 'P', PREFECTURE: 'R', COUNTY: 'C' }[level], zh, en]);
}

export function render(rows) {
  return `// GB/T 2260 divisions of the Yangtze River Delta (Shanghai, Jiangsu, Zhejiang, Anhui): [code, parent, level
// (P province, R prefecture, C county), Chinese name, English name]. Generated from
// platform-commons/src/main/resources/regions/gbt2260.csv by portal-tests/scripts/regions.mjs: do not edit by hand.
export const REGION_ROWS = [
${rows.map((row) => '  ' + JSON.stringify(row)).join(',\n')}
];
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = deltaRows();
  writeFileSync(jsFile, render(rows));
  console.log(`wrote ${rows.length} regions to ${path.relative(repoRoot, jsFile)}`);
}
