// Sign-in on the local stack: the gateway relays POST /dev/token to this machine's development token issuer
// (same origin, so the CSP keeps connect-src 'self'; loopback clients only; absent in production, where the
// portal would sign in with the OIDC provider instead).
import { h, replace } from '../dom.js';
import { pick, t } from '../i18n.js';
import { all, ApiError, saveSession } from '../api.js';
import { navigate } from '../nav.js';
import { announce, clearErrors, field, pageTitle, showErrors } from '../ui.js';

export async function signinView(ctx) {
  const { main } = ctx;
  const organizations = await all('/api/v1/organizations', {}).catch(() => []);
  if (!ctx.alive()) return;
  organizations.sort((a, b) => pick(a.name).localeCompare(pick(b.name)));
  const user = h('input', { id: 'signin-user', type: 'text', name: 'sub', autocomplete: 'username', required: true, maxlength: 100 });
  const org = h('select', { id: 'signin-org', name: 'org' },
    h('option', { value: '' }, t('signin.org.none')),
    organizations.map((o) => h('option', { value: o.id }, pick(o.name))));
  const role = h('select', { id: 'signin-role', name: 'role' }, ['PARTNER', 'STAFF'].map((r) => h('option', { value: r }, t(`role.${r}`))));
  const submit = h('button', { type: 'submit', class: 'button' }, t('signin.submit'));
  const form = h('form', { class: 'form narrow', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    clearErrors(form);
    const errors = [];
    if (!user.value.trim()) errors.push({ field: 'sub', message: t('signin.user.required') });
    if (role.value === 'PARTNER' && !org.value) errors.push({ field: 'org', message: t('signin.org.required') });
    if (errors.length) {
      showErrors(form, new ApiError(400, { errors }));
      return;
    }
    submit.disabled = true;
    try {
      const claims = { sub: user.value.trim(), roles: [role.value], ttlSeconds: 8 * 3600 };
      if (org.value) claims.org = org.value;
      const response = await fetch('/dev/token', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(claims), credentials: 'omit',
      });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body || !body.access_token) {
        const unavailable = response.status === 401 || response.status === 404 || response.status === 405;
        throw new ApiError(response.status, unavailable ? { detail: t('signin.unavailable') } : body);
      }
      const orgName = org.value ? org.options[org.selectedIndex].textContent : null;
      saveSession(body.access_token, orgName);
      announce(t('signin.done', { who: claims.sub }));
      navigate(role.value === 'STAFF' ? 'staff' : 'workspace');
    } catch (error) {
      showErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  } },
  field({ name: 'sub', labelText: t('signin.user'), control: user }),
  field({ name: 'org', labelText: t('signin.org'), control: org }),
  field({ name: 'role', labelText: t('signin.role'), control: role }),
  submit);
  replace(main, pageTitle(t('signin.title')), h('p', { class: 'lead' }, t('signin.lead')), form);
}
