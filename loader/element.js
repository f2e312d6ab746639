// @ts-check
// <iop-op-fit org-name="…" phone="…">, for site builders that take only a tag
// name and a script URL: every option as a kebab-case attribute, mounted when
// the element is in the page and cleaned up when it is removed.
import { mount, unmountIfGone } from "./mount.js";

/** org-name="…" -> orgName. @param {Element} el */
const attributeOptions = (el) => {
  /** @type {import("./core.js").MountOptions} */
  const options = {};
  for (const a of Array.from(el.attributes)) options[a.name.replace(/-([a-z])/g, (m, c) => c.toUpperCase())] = a.value;
  return options;
};

export const defineElement = () => {
  if (!window.customElements || customElements.get("iop-op-fit")) return;
  customElements.define("iop-op-fit", class extends HTMLElement {
    connectedCallback() { mount(this, attributeOptions(this)); }
    // Moved rather than removed: it is connected again by the time its mount resolves, and stays.
    disconnectedCallback() { unmountIfGone(this); }
  });
};
