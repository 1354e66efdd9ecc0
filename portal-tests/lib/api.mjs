// Test fixtures through the public API (the gateway), with tokens from the local token issuer.
import { GATEWAY_URL, TOKEN_ISSUER_URL } from './env.mjs';

export async function token(sub, roles, org) {
  const response = await fetch(`${TOKEN_ISSUER_URL}/dev/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sub, roles, ...(org ? { org } : {}), ttlSeconds: 3600 }),
  });
  if (!response.ok) throw new Error(`token issuer answered ${response.status}: ${await response.text()}`);
  return (await response.json()).access_token;
}

export async function call(method, path, bearer, body, headers = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${GATEWAY_URL}${path}`, {
      method,
      headers: {
        Accept: 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if ((response.status === 429 || response.status === 503) && attempt < 30) {
      await sleep(1000 * Math.min(5, Number(response.headers.get('Retry-After') || 1)));
      continue;
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: response.status, json, text };
  }
}

export async function expect(status, promise) {
  const response = await promise;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  return response.json;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries fn until it returns a truthy value (eventual consistency through Kafka). */
export async function eventually(what, fn, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await sleep(500);
  }
  throw new Error(`gave up waiting for ${what}: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}
