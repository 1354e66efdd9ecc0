// Where the running platform is, and where the browser and the screenshots are. Passed in by PortalBrowserIT
// (system-tests), or the local stack's defaults for `npm test` next to `./run.sh`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const GATEWAY_URL = (process.env.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');
export const TOKEN_ISSUER_URL = (process.env.TOKEN_ISSUER_URL || 'http://localhost:9000').replace(/\/$/, '');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR || path.resolve(here, '..', 'screenshots');
