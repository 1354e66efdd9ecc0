// Hash routes: href('news', {q: 'fiber'}) is "#/news?q=fiber"; navigate() goes there (and renders again when
// already there).
function search(query) {
  return new URLSearchParams(Object.entries(query || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
}

export function href(path, query = {}) {
  const qs = search(query);
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path, query = {}) {
  const target = href(path, query);
  if (window.location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}
