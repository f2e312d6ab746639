// The build's reader of where a wasm places its data (scripts/wasm-layout.mjs),
// which decides whether wasm-opt may assume the first 1 KB of memory unused.
// Run: node --test tests/build/
import { test } from "node:test";
import assert from "node:assert/strict";
import { lowestDataAddress } from "../../scripts/wasm-layout.mjs";

const uleb = (n) => { const out = []; do { let b = n & 127; n >>>= 7; if (n) b |= 128; out.push(b); } while (n); return out; };
const sleb = (n) => {
  const out = [];
  for (;;) {
    const b = n & 127;
    n >>= 7;
    if ((n === 0 && !(b & 64)) || (n === -1 && b & 64)) return [...out, b];
    out.push(b | 128);
  }
};
const section = (id, body) => [id, ...uleb(body.length), ...body];
/** An active segment at `offset` (an i32.const) holding `bytes`. */
const active = (offset, bytes = [1, 2, 3]) => [0, 0x41, ...sleb(offset), 0x0b, ...uleb(bytes.length), ...bytes];
const wasm = (...sections) => Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections.flat()]);
const data = (...segments) => section(11, [...uleb(segments.length), ...segments.flat()]);

test("the lowest offset of the data segments, past the sections before them", () => {
  const custom = section(0, [4, ..."name".split("").map((c) => c.charCodeAt(0)), 9, 9, 9]);
  assert.equal(lowestDataAddress(wasm(custom, data(active(1_050_000, new Array(300).fill(7)), active(1_048_576)))), 1_048_576);
  assert.equal(lowestDataAddress(wasm(data(active(1024)))), 1024);
});

test("an offset past 2 GB is read as the unsigned address it is", () => {
  assert.equal(lowestDataAddress(wasm(data(active(-0x8000_0000)))), 0x8000_0000);
});

test("a segment in an explicit memory is read too", () => {
  assert.equal(lowestDataAddress(wasm(data([2, 0, ...active(2048).slice(1)]))), 2048);
});

test("no data section is null, and what cannot be placed is refused", () => {
  assert.equal(lowestDataAddress(wasm(section(1, [0]))), null);
  assert.throws(() => lowestDataAddress(wasm(data([1, 3, 1, 2, 3]))), /passive data segment/);
  assert.throws(() => lowestDataAddress(wasm(data([0, 0x23, 0, 0x0b, 0]))), /not an i32 constant/);
  assert.throws(() => lowestDataAddress(Uint8Array.from([1, 2, 3, 4, 1, 0, 0, 0])), /not a wasm module/);
});
