// DOM helpers of <article-lens>: elements built from props and text children (strings become
// text nodes, never markup), SVG built with setAttribute (geometry and classes, never a style
// attribute, so the strict CSP holds), a DOM Range over UTF-16 offsets of an element's text, and
// idle scheduling. Nothing here runs at import: the module imports in Node without a DOM.

export const SVG_NS = "http://www.w3.org/2000/svg";

/** Builds an element; string children become text nodes, never markup. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "className") el.className = value;
    else if (key === "onclick") el.addEventListener("click", value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

/** Builds an SVG element; attributes are geometry and classes only (no style attribute). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value != null && value !== false) el.setAttribute(key, String(value));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

/** Runs `fn` when the page is idle (soon, in any case). */
export function whenIdle(fn) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 50);
}

/** Whether `el` is a text field (textarea or input), whose text is its value. */
export function isTextField(el) {
  return /^(TEXTAREA|INPUT)$/.test(el.tagName);
}

/** A DOM Range over UTF-16 offsets [start, end) of `target`'s text content, or null. */
export function rangeIn(target, { start, end }) {
  const doc = target.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(target, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!started && start <= offset + len) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + len) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += len;
  }
  return null;
}
