// The release a site owner gets without Rust (scripts/release.sh): the npm
// package and the zip, made from the build under test (--from-dist, so no
// second build). The packed tarball is installed with npm into a temporary
// folder and served the way a CDN serves npm packages
// (/npm/iop-op-fit@VERSION/dist/...) from another origin than the page's; a
// host page with the CDN snippet from the package's own README (integrity and
// crossorigin) completes a visit. The package has the types of the script's
// API (iop-op-fit.d.ts). The zip holds the same built files, and its self-hosted
// snippet works too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { serve } from "./server.mjs";
import {
  answer, CASES, complete, consoleMessages, DIST, expectScreen, HOSTS, LOCALES, MAIN, openHost, setup, start, widget,
} from "./helpers.mjs";

/** Cargo.toml's [package] version, which the release carries. */
const VERSION = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(MAIN, "Cargo.toml"), "utf8"))[1];
/** Each language file (every language but English, which the wasm carries). */
const LANGUAGE_FILES = LOCALES.slice(1).map((t) => `core/${t}.txt`);
/** The files a site hosts, as integrity.json names them. */
const SITE_FILES = ["iop-op-fit.js", "core/iop-op-fit_bg.wasm", "core/iop-op-fit-glue.js", ...LANGUAGE_FILES, "iop-op-fit.inline.js"];
const CDN_PATH = `/npm/iop-op-fit@${VERSION}/dist/`;

const sri = (path) => `sha384-${createHash("sha384").update(readFileSync(path)).digest("base64")}`;
/** Every file under `dir`, as sorted paths relative to it with "/". */
function filesUnder(dir) {
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => relative(dir, p).split("\\").join("/")).sort();
}

const env = setup();
const work = mkdtempSync(join(tmpdir(), "iop-op-fit-release-"));
const out = join(work, "release");
const tarball = join(out, `iop-op-fit-${VERSION}.tgz`);
const zip = join(out, `iop-op-fit-${VERSION}.zip`);
const project = join(work, "site-project"); // where a site's tooling would `npm install` it
const pkg = join(project, "node_modules", "iop-op-fit");
let printed, integrity, snippets, cdn;

before(async () => {
  printed = execFileSync(join(MAIN, "scripts", "release.sh"), ["--from-dist", DIST, "--out", out], { encoding: "utf8" });
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), '{ "private": true }\n');
  // No registry: the tarball has no dependencies.
  execFileSync("npm", ["install", "--no-save", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
    { cwd: project, stdio: "pipe" });
  integrity = JSON.parse(readFileSync(join(pkg, "dist", "integrity.json"), "utf8"));
  // The html blocks of the package's README: what a site owner copies.
  snippets = [...readFileSync(join(pkg, "README.md"), "utf8").matchAll(/```html\n([^]*?)```/g)].map((m) => m[1]);
  // A CDN on its own origin, serving the installed package as jsDelivr and unpkg serve npm packages.
  cdn = await serve({ roots: { [`/npm/iop-op-fit@${VERSION}/`]: pkg } });
});
after(async () => {
  await cdn?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The README's snippet whose script's src ends with `path`. */
function snippet(path) {
  const found = snippets.filter((s) => s.includes(`${path}"`));
  assert.equal(found.length, 1, `one html block in the README loads ${path}: ${JSON.stringify(snippets)}`);
  return found[0];
}
const CDN_JS = "dist/iop-op-fit.js", CDN_INLINE = "dist/iop-op-fit.inline.js", SELF_HOSTED = 'src="/iop-op-fit/iop-op-fit.js';
const cdnSnippet = (path) => snippet(path).replaceAll("https://cdn.jsdelivr.net", cdn.origin);

/** Serves hosts/release-host.html with `html` pasted in, and more folders, from an origin of its own. */
async function site(html, roots = {}) {
  const dir = mkdtempSync(join(work, "site-"));
  const page = readFileSync(join(HOSTS, "release-host.html"), "utf8");
  writeFileSync(join(dir, "index.html"), page.replace(/<!-- README SNIPPET[^]*?-->/, () => html));
  const server = await serve({ roots: { ...roots, "/": dir } });
  after(() => server.close());
  return server;
}

describe("the release", () => {
  test("release.sh prints the package's and the zip's paths and sizes", () => {
    for (const path of [tarball, zip]) {
      assert.match(printed, new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} +[\\d,]+ bytes`), printed);
    }
    for (const file of SITE_FILES) assert.ok(printed.includes(integrity[file]), `the integrity of ${file} is printed`);
  });

  test(`the npm package: iop-op-fit ${VERSION} (Cargo.toml's version), MIT OR Apache-2.0, the built files and integrity.json`, () => {
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
    assert.equal(manifest.name, "iop-op-fit");
    assert.equal(manifest.version, VERSION);
    assert.equal(manifest.license, "MIT OR Apache-2.0");
    assert.ok(!manifest.dependencies && !manifest.scripts, "nothing to install or run");
    assert.deepEqual(filesUnder(pkg), ["README.md", ...LANGUAGE_FILES.map((f) => `dist/${f}`), "dist/core/iop-op-fit-glue.js", "dist/core/iop-op-fit_bg.wasm", "dist/integrity.json",
      "dist/iop-op-fit.inline.js", "dist/iop-op-fit.js", "iop-op-fit.d.ts", "package.json"].sort());
    // integrity.json maps each file to its SHA-384, and the files are the build's own.
    assert.deepEqual(Object.keys(integrity).sort(), [...SITE_FILES].sort());
    for (const file of SITE_FILES) {
      assert.match(integrity[file], /^sha384-[A-Za-z0-9+/]{64}$/);
      assert.equal(sri(join(pkg, "dist", file)), integrity[file], `integrity.json is right for ${file}`);
      assert.equal(sri(join(DIST, file)), integrity[file], `${file} is the build's`);
    }
    // The README's snippets carry this version and these integrity values.
    const loader = snippet(CDN_JS);
    assert.ok(loader.includes(`src="https://cdn.jsdelivr.net${CDN_PATH}iop-op-fit.js"`), loader);
    assert.ok(loader.includes(`integrity="${integrity["iop-op-fit.js"]}"`), loader);
    assert.ok(loader.includes('crossorigin="anonymous"'), loader);
    assert.ok(snippet(CDN_INLINE).includes(`integrity="${integrity["iop-op-fit.inline.js"]}"`));
    assert.ok(snippet(SELF_HOSTED).includes(`integrity="${integrity["iop-op-fit.js"]}"`));
  });

  test("the npm package's types: iop-op-fit.d.ts, named in package.json, declares IopOpFit.mount, check and <iop-op-fit>", () => {
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
    assert.equal(manifest.types, "iop-op-fit.d.ts");
    const types = readFileSync(join(pkg, manifest.types), "utf8");
    assert.equal(types, readFileSync(join(MAIN, "loader", "api.d.ts"), "utf8"), "the loader's declarations (loader/api.d.ts)");
    // The project has no TypeScript compiler; the loader's // @ts-check JSDoc names these same types.
    assert.match(types, /^\s*var IopOpFit: IopOpFitApi;$/m);
    assert.match(types, /^\s*mount\(element: Element, options\?: IopOpFitOptions\): Promise<IopOpFitHandle>;$/m);
    assert.match(types, /^\s*check\(options: IopOpFitOptions\): Promise<string\[\]>;$/m);
    assert.match(types, /^\s*unmount\(\): void;$/m);
    assert.match(types, /^\s*reset\(\): void;$/m);
    assert.match(types, /interface HTMLElementTagNameMap \{\s*"iop-op-fit": IopOpFitElement;/);
  });

  test("a visit (R1) through the README's CDN snippet, with integrity and crossorigin, from another origin", async () => {
    const host = await site(cdnSnippet(CDN_JS));
    const page = env.page;
    const messages = consoleMessages(page);
    const seen = cdn.requests.length;
    await openHost(page, `${host.origin}/`);
    const tag = await page.locator("script[src*='/npm/']").evaluate((s) => [s.integrity, s.crossOrigin]);
    assert.deepEqual(tag, [integrity["iop-op-fit.js"], "anonymous"]);
    const { screen } = await complete(page, CASES.R1.answers);
    assert.equal(screen, "result");
    const result = widget(page).locator("[data-screen=result]");
    assert.equal(await result.getAttribute("data-level"), CASES.R1.level);
    assert.equal(await result.getAttribute("data-detox-first"), CASES.R1.detoxFirst);
    assert.deepEqual(cdn.requests.slice(seen).sort(), [`${CDN_PATH}core/iop-op-fit-glue.js`, `${CDN_PATH}core/iop-op-fit_bg.wasm`,
      `${CDN_PATH}iop-op-fit.js`], "the CDN served the loader, its glue and its wasm");
    assert.deepEqual(host.requests, ["/"], "the site itself served only its page");
    assert.deepEqual(messages.filter((m) => m.type === "error" || m.type === "warning"), []);
  });

  test("the single-file build through the README's CDN snippet reaches the first question", async () => {
    const div = snippet(CDN_JS).replace(/<script[^]*<\/script>/, "");
    const host = await site(div + cdnSnippet(CDN_INLINE));
    const page = env.page;
    const messages = consoleMessages(page);
    const seen = cdn.requests.length;
    await openHost(page, `${host.origin}/`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(cdn.requests.slice(seen), [`${CDN_PATH}iop-op-fit.inline.js`], "one file, no .wasm");
    assert.deepEqual(messages.filter((m) => m.type === "error"), []);
  });

  test("the zip holds the package's files, with the same hashes, in one iop-op-fit/ folder", () => {
    const unzipped = join(work, "unzipped");
    execFileSync("python3", ["-m", "zipfile", "-e", zip, unzipped]);
    assert.deepEqual(readdirSync(unzipped), ["iop-op-fit"]);
    const folder = join(unzipped, "iop-op-fit");
    assert.deepEqual(filesUnder(folder), ["README.md", ...LANGUAGE_FILES, "core/iop-op-fit-glue.js", "core/iop-op-fit_bg.wasm", "integrity.json",
      "iop-op-fit.inline.js", "iop-op-fit.js"].sort());
    for (const file of [...SITE_FILES, "integrity.json"]) {
      assert.equal(sri(join(folder, file)), sri(join(pkg, "dist", file)), `${file} is the same in the zip and the package`);
    }
    assert.equal(sri(join(folder, "README.md")), sri(join(pkg, "README.md")));
  });

  test("the README's self-hosted snippet works with the zip's folder uploaded to the site", async () => {
    const host = await site(snippet(SELF_HOSTED), { "/iop-op-fit/": join(work, "unzipped", "iop-op-fit") });
    const page = env.page;
    const messages = consoleMessages(page);
    await openHost(page, `${host.origin}/`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.ok(host.requests.includes("/iop-op-fit/core/iop-op-fit_bg.wasm"), host.requests.join(" "));
    assert.deepEqual(messages.filter((m) => m.type === "error"), []);
  });
});
