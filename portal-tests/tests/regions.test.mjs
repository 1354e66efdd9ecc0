// The portal's region table is generated from the platform's GB/T 2260 table: fail when they drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deltaRows, render, jsFile } from '../scripts/regions.mjs';

test('the portal region table matches platform-commons/src/main/resources/regions/gbt2260.csv', () => {
  assert.equal(readFileSync(jsFile, 'utf8'), render(deltaRows()),
    'gateway/src/main/resources/static/assets/js/regions.js is stale: run `node scripts/regions.mjs` in portal-tests');
});
