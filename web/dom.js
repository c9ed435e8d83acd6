/**
 * Small DOM helpers. Text always goes in through textContent, never innerHTML: unit names, titles and sentences
 * come from public web pages.
 */

/** el('a', { href, class: 'x', onclick }, 'text', child…) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function $(selector, root = document) {
  const node = root.querySelector(selector);
  if (!node) throw new Error(`page element ${selector} is missing`);
  return node;
}

/** Only http(s) links are rendered as links: a scraped URL must never become `javascript:`. */
export function safeHref(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Fill a <select> with [value, label] pairs, keeping `selected` chosen. */
export function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => el('option', { value, selected: String(value) === String(selected) }, label)));
}
