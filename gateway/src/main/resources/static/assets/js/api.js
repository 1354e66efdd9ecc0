// The public API through the gateway (same origin), with the session's bearer token when there is one.
import { lang } from './i18n.js';

const SESSION_KEY = 'yrd.session';
const sessionListeners = [];

/** A failed call: status, the problem+json body, and its field errors [{field, message}]. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function decodePayload(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

/**
 * The signed-in user, kept in sessionStorage (gone with the tab; never a cookie, so no CSRF). The claims are read
 * only to show who is signed in and which pages to offer: the gateway and the services check the token.
 */
export function session() {
  let stored = null;
  try { stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null'); } catch (e) { stored = null; }
  if (!stored || !stored.token) return null;
  const claims = decodePayload(stored.token);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) {
    clearSession();
    return null;
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  return {
    token: stored.token, sub: claims.sub, org: claims.org || null, roles, orgName: stored.orgName || null,
    isStaff: roles.includes('STAFF') || roles.includes('ADMIN'), isPartner: roles.includes('PARTNER'),
  };
}

export function saveSession(token, orgName) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, orgName }));
  sessionListeners.forEach((listener) => listener());
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
  sessionListeners.forEach((listener) => listener());
}

export function onSessionChange(listener) {
  sessionListeners.push(listener);
}

export async function api(path, { method = 'GET', body, query, ifMatch, anonymous = false } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang() };
  const current = anonymous ? null : session();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
  } catch (networkError) {
    throw new ApiError(0, { title: 'Network error', detail: String(networkError.message || networkError) });
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && current) clearSession();
    throw new ApiError(response.status, payload);
  }
  return payload;
}

/** Every page of a paged list (the services cap size at 100). */
export async function all(path, query = {}, limit = 1000) {
  const items = [];
  for (let page = 0; items.length < limit; page += 1) {
    const result = await api(path, { query: { ...query, page, size: 100 } });
    items.push(...(result.content || []));
    if (!result.page || page + 1 >= result.page.totalPages) break;
  }
  return items;
}
