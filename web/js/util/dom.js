/**
 * Tiny DOM helpers shared by layers and controls (the one module of util/ that needs a document).
 * Text always goes in with textContent, so server-supplied strings can never become markup.
 */

/** Creates `<tag class="className">text</tag>`; `text` null/undefined leaves the element empty. */
export function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== undefined && text !== null) {
    element.textContent = String(text);
  }
  return element;
}

/** Sets `data-testid`; returns the element for chaining. */
export function testId(element, id) {
  element.dataset.testid = id;
  return element;
}

/** Removes every child of an element. */
export function clear(element) {
  element.replaceChildren();
  return element;
}

/**
 * Plain text of an HTML snippet (e.g. a tile attribution like `&copy; <a href="…">OSM</a>`): entities decoded,
 * tags (and script/style contents) dropped. DOMParser builds an inert document, so nothing in the snippet runs or loads.
 */
export function htmlToText(html) {
  if (typeof html !== 'string' || html === '') {
    return '';
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, template').forEach((node) => node.remove());
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
