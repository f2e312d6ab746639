// @ts-check
// The option rules of src/options/, for the fallback and the early screens:
// the trim in Options::parse, then each kind's rule, so neither shows a value
// the widget would refuse. The limits and the words come from the options
// table (src/options/spec.rs's loader_rules_json, put in by
// scripts/post-build.mjs); only the kinds' rules are here.
// tests/loader/option-rules.test.mjs checks them against tests/fixtures/options.json,
// as tests/options.rs checks the Rust parser.

/** @typedef {import("./core.js").MountOptions} MountOptions */
/**
 * Each option's kind's limits (`max` characters, `minDigits` and `maxDigits`, `minContrast`, or
 * `values`) and, for the options the fallback shows, what is allowed in words (`allowed`, as the
 * widget's warnings say it).
 * @typedef {{ allowed?: string } & Record<string, any>} Limits
 */

/** @type {Record<string, Limits>} */
const LIMITS = JSON.parse(IOP_OP_FIT_OPTION_RULES);
/** @param {object} object @param {string} key */
const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
// Unicode White_Space, which Rust's str::trim removes (String.prototype.trim differs: U+FEFF, U+0085).
const SPACE = "\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const TRIM = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
const HAS_SPACE = new RegExp("[" + SPACE + "]");
const URL_TRIM = new RegExp("^[\\x00-\\x20" + SPACE + "]+|[\\x00-\\x20" + SPACE + "]+$", "g");

/** Text of 1 to `max` characters, as Rust counts them (not UTF-16 units). @type {Rule} */
const text = (value, { max }) => {
  const length = Array.from(value).length;
  return length > 0 && length <= max ? value : null;
};

/** Yes or no, as src/options/ reads one, as "true" or "false". @type {Rule} */
const yesNo = (value) => {
  const word = value.toLowerCase();
  return /^(true|yes|on|1|)$/.test(word) ? "true" : /^(false|no|off|0)$/.test(word) ? "false" : null;
};

/**
 * Each option's rule: the trimmed value and its limits in, the value used out, or null if refused.
 * @typedef {(value: string, limits: Limits) => string | null} Rule
 * @type {Record<string, Rule>}
 */
const RULES = {
  orgName: text,
  phone: (value, { minDigits, maxDigits }) => {
    const digits = value.replace(/\D/g, "").length;
    return /^\+?[\d ().-]*$/.test(value) && digits >= minDigits && digits <= maxDigits ? value : null;
  },
  contactUrl: (value) => {
    // As browsers read an href: tabs and newlines removed anywhere, C0 controls and spaces
    // (and, as for every option, Unicode whitespace) trimmed.
    const link = value.replace(/[\t\n\r]/g, "").replace(URL_TRIM, "");
    const colon = link.indexOf(":");
    const scheme = colon < 0 || /[/?#]/.test(link.slice(0, colon)) ? null : link.slice(0, colon);
    const ok = scheme === null ? link !== "" && !HAS_SPACE.test(link) : /^(https?|mailto)$/i.test(scheme);
    return ok ? link : null;
  },
  // The catalog's tag for the primary subtag, any case: es-MX and ES_mx are es; pt of any region is pt-BR.
  locale: (value, { values }) => {
    const primary = value.replace(TRIM, "").split(/[-_]/)[0].toLowerCase();
    return values.find((/** @type {string} */ tag) => tag.split("-")[0] === primary) || null;
  },
  // #rgb or #rrggbb with enough contrast against white text (WCAG 2), as #rrggbb.
  themeColor: (value, { minContrast }) => {
    if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) return null;
    let hex = value.slice(1).toLowerCase();
    if (hex.length === 3) hex = hex.replace(/./g, "$&$&");
    const [r, g, b] = [0, 2, 4].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05) >= minContrast ? "#" + hex : null;
  },
  // A comma-separated list of the languages' tags (any case), as the tags in the order of `values`.
  languages: (value, { values }) => {
    const given = value.split(",").map((v) => v.replace(TRIM, "").toLowerCase()).filter((v) => v !== "");
    const known = (/** @type {string} */ tag) => values.some((/** @type {string} */ t) => t.toLowerCase() === tag);
    const chosen = values.filter((/** @type {string} */ t) => given.includes(t.toLowerCase()));
    return given.every(known) && chosen.length ? chosen.join(",") : null;
  },
  colorScheme: (value, { values }) => {
    const scheme = value.toLowerCase();
    return values.includes(scheme) ? scheme : null;
  },
  // The privacy sentence on the painted start screen depends on it.
  emitEvents: yesNo,
  // Whether a widget keeps its answers, and the name it keeps them under: whether it resumes.
  storage: yesNo,
  storageKey: text,
};

/**
 * An option as the wasm reads it (src/mount.rs): text, or a number or boolean
 * as JavaScript writes it; trimmed; then checked. Each refusal is named in the
 * console, unless `quiet`: for the early screens, since the wasm names them itself.
 * @param {MountOptions} options
 * @param {string} name one of the options the loader checks (the keys of the rules)
 * @param {boolean} [quiet]
 * @returns {string | null}
 */
export const option = (options, name, quiet) => {
  if (!hasOwn(options, name)) return null;
  let given = options[name];
  if (typeof given === "number" || typeof given === "boolean") given = String(given);
  if (typeof given !== "string") {
    if (!quiet) console.warn("iop-op-fit: option `" + name + "` must be text, a number or true/false; it was ignored.");
    return null;
  }
  const value = RULES[name](given.replace(TRIM, ""), LIMITS[name]);
  if (value === null && !quiet) {
    console.warn("iop-op-fit: option `" + name + "` is \"" + given + "\"; use " + LIMITS[name].allowed + ". Leaving it out.");
  }
  return value;
};

/** The catalog's tag for a language tag (a page's lang, the browser's language), or null. @param {unknown} tag */
export const localeFrom = (tag) => typeof tag === "string" ? RULES.locale(tag, LIMITS.locale) : null;

/** The languages the switch offers (the languages option, else all), as tags. @param {MountOptions} options */
export const offeredLanguages = (options) => (option(options, "languages", true) || LIMITS.languages.values.join(",")).split(",");

/**
 * The language a widget opens in, as src/options/ (Options::start_locale) chooses it: the locale
 * option, else the page's language (else the browser's, as src/browser/page.rs), if offered; else
 * the first language offered.
 * @param {MountOptions} options
 * @param {boolean} [quiet]
 * @returns {string}
 */
export const localeOf = (options, quiet) => {
  const offered = offeredLanguages(options);
  const page = localeFrom(document.documentElement.getAttribute("lang")) || localeFrom(navigator.language);
  return [option(options, "locale", quiet), page].find((tag) => tag && offered.includes(tag)) || offered[0];
};

/** The tel: link for a phone the rules accepted (as Rust's tel_href): its digits and +. @param {string} phone */
export const telHref = (phone) => "tel:" + phone.replace(/[^\d+]/g, "");
