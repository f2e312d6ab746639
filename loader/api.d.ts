// The types of what iop-op-fit.js gives the page once it has loaded:
// window.IopOpFit and the <iop-op-fit> element. scripts/release.sh ships this
// file in the npm package as iop-op-fit.d.ts (its "types"); in a TypeScript
// project, add "iop-op-fit" to compilerOptions.types, or write
// /// <reference types="iop-op-fit" />. Nothing here exists at run time.

/**
 * Options by their camelCase names, the same as the data-* attributes
 * (data-org-name is orgName); the package's README lists them. A number or
 * true/false is read as JavaScript writes it. A value the widget refuses is
 * left out, and the console says why.
 */
export type IopOpFitOptions = Record<string, string | number | boolean>;

/** A mounted widget. */
export interface IopOpFitHandle {
  /** Removes the widget, its listeners and its styles. Its stored answers stay for the tab. */
  unmount(): void;
  /** Clears its answers (in memory and stored) and shows the start screen. */
  reset(): void;
}

export interface IopOpFitApi {
  /**
   * Mounts the self-screen in `element`'s open shadow root (or, for an
   * element that cannot hold one, in a <div> added for it). Mounting the
   * same element again gives the same handle. If the WebAssembly cannot
   * start, the element shows the provider's phone and contact link, 988 and
   * 911, and the handle's reset does nothing. Rejects only when `element` is
   * not an element.
   */
  mount(element: Element, options?: IopOpFitOptions): Promise<IopOpFitHandle>;
  /** The warnings mount would give for `options`, each naming the option and what is allowed. */
  check(options: IopOpFitOptions): Promise<string[]>;
}

/** <iop-op-fit org-name="…" phone="…">: every option as a kebab-case attribute, mounted while in the page. */
export interface IopOpFitElement extends HTMLElement {}

declare global {
  /** Defined, frozen, by iop-op-fit.js; a second copy of the script leaves it as it is. */
  var IopOpFit: IopOpFitApi;
  interface HTMLElementTagNameMap {
    "iop-op-fit": IopOpFitElement;
  }
}
