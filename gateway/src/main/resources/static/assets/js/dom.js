// DOM helpers. The portal never assigns HTML strings: every text goes in as a text node, every element is made
// with createElement, so nothing a user or a service wrote can become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === true) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function applyAttributes(el, attrs, isSvg) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (!isSvg && (name === 'value' || name === 'checked' || name === 'selected')) {
      el[name] = value;
    } else if (name === 'text') {
      el.textContent = value;
    } else {
      el.setAttribute(name === 'htmlFor' ? 'for' : name, value === true ? '' : String(value));
    }
  }
}

/** h('a', {href: '#/news', class: 'x'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  applyAttributes(el, attrs, false);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttributes(el, attrs, true);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

let idCounter = 0;
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * The news body: the service renders it and sanitizes it (OWASP sanitizer); as a second line of defence the
 * portal parses it in an inert document and rebuilds only a small set of elements and attributes with DOM calls,
 * copying text as text. No script, style, event handler or unknown element can survive.
 */
const ALLOWED = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2',
  'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const HEADING_SHIFT = { h1: 'h2' };

export function safeFragment(html) {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html || ''}`, 'text/html');
  const out = document.createDocumentFragment();
  const copy = (source, target) => {
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        let tag = node.tagName.toLowerCase();
        tag = HEADING_SHIFT[tag] || tag;
        if (!ALLOWED.has(tag)) {
          if (!['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math'].includes(tag)) {
            copy(node, target); // keep the text of an unknown wrapper
          }
          continue;
        }
        const el = document.createElement(tag);
        if (tag === 'a') {
          const href = node.getAttribute('href') || '';
          if (/^(https?:|mailto:|#|\/)/i.test(href.trim())) {
            el.setAttribute('href', href.trim());
            if (/^https?:/i.test(href.trim())) el.setAttribute('rel', 'noopener noreferrer nofollow');
          }
        }
        copy(node, el);
        target.appendChild(el);
      }
    }
  };
  copy(parsed.body, out);
  return out;
}
