// @ts-check
/**
 * A node of a painted screen as the build wrote it (scripts/html-tree.mjs):
 * [name, {attributes}, ...children], or text.
 * @typedef {string | [string, Record<string, string>, ...any[]]} ScreenNode
 */
/**
 * The widget's own words in one language, for the fallback (shown when the
 * wasm cannot start: the next step, the call and contact labels with {org},
 * the default provider name, 988, 911) and the painted screens (what Continue
 * says while it waits for the wasm, the events sentence), and those screens:
 * the start screen and the first question, rendered by the widget's own
 * components at build time.
 * @typedef {{ title: string, call: string, contact: string, org: string, e988: string, e911: string,
 *   loading: string, events: string, start: ScreenNode, question: ScreenNode }} Language
 */

/** By the catalog's tag (en, es, pt-BR), put in by scripts/post-build.mjs. @type {Record<string, Language>} */
export const LANGUAGES = JSON.parse(IOP_OP_FIT_WORDS_AND_SCREENS);
