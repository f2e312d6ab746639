// For `// @ts-check` in these modules: the names scripts/post-build.mjs gives
// esbuild when it bundles them (each replaced by its value), the glue that
// wasm-bindgen writes for the wasm ("wasm-bindgen-glue"), and the module that
// gives it to core.js ("iop-op-fit-glue": glue-fetched.js, or glue-bundled.js
// in the single-file build).

/** The wasm in base64 in the single-file build; null in the loader. */
declare const IOP_OP_FIT_WASM: string | null;
/** Where the wasm is, beside the loader: "core/iop-op-fit_bg.wasm". */
declare const IOP_OP_FIT_WASM_PATH: string;
/** The wasm's SHA-384 as an integrity value (`sha384-…`); null in the single-file build. */
declare const IOP_OP_FIT_WASM_INTEGRITY: string | null;
/** Where wasm-bindgen's glue is, beside the loader: "core/iop-op-fit-glue.js" (glue-fetched.js). */
declare const IOP_OP_FIT_GLUE_PATH: string;
/** The glue's SHA-384 as an integrity value; null in the single-file build, which carries the glue. */
declare const IOP_OP_FIT_GLUE_INTEGRITY: string | null;
/** The folder beside the loader that holds the language files: "core". */
declare const IOP_OP_FIT_LANGUAGE_DIR: string;
/** Each language file's SHA-384 (`sha384-…`) by tag, English aside; null in the single-file build. */
declare const IOP_OP_FIT_LANGUAGE_INTEGRITY: Record<string, string> | null;
/** JSON: each language file's text by tag, in the single-file build only; else null. */
declare const IOP_OP_FIT_INLINE_LANGUAGES: string | null;
/** JSON: each language's words and painted screens (loader/languages.js). */
declare const IOP_OP_FIT_WORDS_AND_SCREENS: string;
/** JSON: the limits and words of the options the loader checks (src/options/spec.rs, loader_rules_json). */
declare const IOP_OP_FIT_OPTION_RULES: string;
/** Where the wasm keeps a widget's answers in sessionStorage, before its storage name (src/mount.rs). */
declare const IOP_OP_FIT_STORAGE_PREFIX: string;
/** The widget's styles (styles/widget.css), minified. */
declare const IOP_OP_FIT_STYLES: string;

declare module "wasm-bindgen-glue" {
  /** Instantiates the wasm, compiled by the loader (core.js). */
  export default function init(input: { module_or_path: WebAssembly.Module }): Promise<unknown>;
  export const mount: import("./core.js").Core["mount"];
  export const check: import("./core.js").Core["check"];
  export const languages: import("./core.js").Core["languages"];
  export const add_language: import("./core.js").Core["add_language"];
}

declare module "iop-op-fit-glue" {
  /** wasm-bindgen's glue, once its module has run; it rejects with the reason and the fix. */
  export function loadGlue(): Promise<typeof import("wasm-bindgen-glue")>;
}
