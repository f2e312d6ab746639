// @ts-check
// The element that holds a widget's shadow root, and the shadow root's styles.

// The elements the DOM lets hold a shadow root (and custom elements, whose names have a
// hyphen), but not <body>: a shadow root there would hide the whole page.
const SHADOW_HOSTS = /^(article|aside|blockquote|div|footer|h[1-6]|header|main|nav|p|section|span)$|-/;
const NO_CHILDREN = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
const HTML = "http://www.w3.org/1999/xhtml";
/** mount point -> the <div> added for it @type {WeakMap<Element, HTMLElement>} */
const added = new WeakMap();

/**
 * Where the widget's shadow root goes: the mount point itself, or, when it
 * cannot hold one (a list item, a table cell, an image), a <div> added
 * inside it, or after it if it cannot have children. The site owner is told.
 * @param {Element} el
 * @returns {Element}
 */
export const hostFor = (el) => {
  const name = el.localName;
  if (el.namespaceURI === HTML && SHADOW_HOSTS.test(name)) return el;
  let box = added.get(el);
  if (box) return box;
  box = document.createElement("div");
  added.set(el, box);
  const inside = el.namespaceURI === HTML && !NO_CHILDREN.test(name);
  if (inside) el.appendChild(box); else el.after(box);
  console.warn("iop-op-fit: a <" + name + "> cannot hold the widget, so it was put in a <div> " +
    (inside ? "inside" : "after") + " it. Put data-iop-op-fit on a <div> (or use IopOpFit.mount on one) instead.");
  return box;
};

/** Removes the <div> hostFor added for `el`, if it added one. @param {Element} el */
export const removeAdded = (el) => {
  const box = added.get(el);
  if (!box) return;
  box.remove();
  added.delete(el);
};

/**
 * Empties a shadow root and styles it with `css`. A constructed style sheet
 * is not inline style, so a Content-Security-Policy without style-src
 * 'unsafe-inline' keeps it (the fallback's large targets included); old
 * browsers get a <style>.
 * @param {ShadowRoot} root
 * @param {string} css
 */
export const style = (root, css) => {
  root.textContent = ""; // not innerHTML, which pages enforcing Trusted Types forbid
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    const element = document.createElement("style");
    element.textContent = css;
    root.appendChild(element);
  }
};

/** @param {ShadowRoot} root */
export const unstyle = (root) => {
  root.textContent = "";
  if (root.adoptedStyleSheets) root.adoptedStyleSheets = [];
};

/** The shadow root of `host`, attached if it has none yet. @param {Element} host */
export const shadowOf = (host) => host.shadowRoot || host.attachShadow({ mode: "open" });
