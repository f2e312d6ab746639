// @ts-check
// What a mount point shows when the widget cannot start: plain HTML with the
// provider's phone and contact link, 988 and 911.
import { INLINE_WASM, WASM_URL } from "./core.js";
import { shadowOf, style } from "./host.js";
import { LANGUAGES } from "./languages.js";
import { localeOf, option, telHref } from "./option-rules.js";

const CSS = ":host{all:initial!important;display:block!important;font-family:inherit}" +
  "div{border:1px solid #d0d4da;border-radius:8px;padding:16px;color:#1b1b1b;background:#fff;line-height:1.5}" +
  "a{display:flex;align-items:center;min-height:48px;color:#0b5cad;font-size:1.1em}p{margin:0 0 8px;font-weight:bold}";

/**
 * Built with textContent and checked links, so configuration never becomes markup or script.
 * @param {Element} host
 * @param {import("./core.js").MountOptions} options
 * @param {any} error why the widget could not start; its `fix`, if any, says what to do
 */
export const fallback = (host, options, error) => {
  const reason = (error && error.message) || String(error);
  console.error("iop-op-fit: the self-screen could not start (" + reason + "). Showing contact details instead. " +
    ((error && error.fix) || "Check that the page's Content-Security-Policy allows 'wasm-unsafe-eval' in script-src" +
      (INLINE_WASM ? "." : ", and that " + WASM_URL + " exists (served as application/wasm).")));
  const tag = localeOf(options, false);
  const words = LANGUAGES[tag];
  const root = shadowOf(host);
  style(root, CSS);
  const box = document.createElement("div");
  box.setAttribute("data-fallback", "");
  box.setAttribute("lang", tag);
  /** @param {string} name @param {string} text @param {string} [href] */
  const add = (name, text, href) => {
    const node = document.createElement(name);
    node.textContent = text;
    if (href) node.setAttribute("href", href);
    box.appendChild(node);
  };
  // Every {org}, in one pass, so the name is never searched itself (as Catalog::fill).
  const org = option(options, "orgName") || words.org;
  /** @param {string} text */
  const withOrg = (text) => text.split("{org}").join(org);
  add("p", words.title);
  const phone = option(options, "phone");
  if (phone) add("a", withOrg(words.call) + " · " + phone, telHref(phone));
  const contact = option(options, "contactUrl");
  if (contact) add("a", withOrg(words.contact), contact);
  add("a", words.e988, "tel:988");
  add("a", words.e911, "tel:911");
  root.appendChild(box);
};
