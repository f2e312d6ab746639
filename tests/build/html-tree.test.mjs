// The build's reader of the server renderer's HTML (scripts/html-tree.mjs):
// what it reads, and what it refuses rather than read wrongly.
// Run: node --test tests/build/
import { test } from "node:test";
import assert from "node:assert/strict";
import { tree } from "../../scripts/html-tree.mjs";

test("elements, attributes, text and void elements become the node tree", () => {
  assert.deepEqual(
    tree('<div class="a b" hidden><p>Hi <b>there</b></p><input type="radio" checked><br></div>'),
    ["div", { class: "a b", hidden: "" }, ["p", {}, "Hi ", ["b", {}, "there"]], ["input", { type: "radio", checked: "" }], ["br", {}]],
  );
});

test("the four escapes the renderer writes are decoded, in text and attributes", () => {
  assert.deepEqual(
    tree('<a title="&quot;x&quot; &amp; y">&lt;b&gt; &amp; c</a>'),
    ["a", { title: '"x" & y' }, "<b> & c"],
  );
});

test("any other character reference is refused", () => {
  assert.throws(() => tree("<p>&nbsp;</p>"), /character reference this build cannot read/);
  assert.throws(() => tree('<p title="&#39;">x</p>'), /character reference/);
});

test("a wrongly nested or unclosed element is refused", () => {
  assert.throws(() => tree("<div><p></div></p>"), /closes <div> inside <p>/);
  assert.throws(() => tree("<div><p>x</p>"), /one element, closed/);
  assert.throws(() => tree("<p>a</p><p>b</p>"), /one element, closed/);
});

test("markup it cannot read is refused, with where it stopped", () => {
  assert.throws(() => tree("<div class=unquoted>x</div>"), /could not be read after/);
  assert.throws(() => tree("<div><!-- comment --></div>"), /could not be read after/);
  assert.throws(() => tree("<div onclick='x'>y</div>"), /could not be read after/);
});
