// Reads where a wasm module places its data (scripts/post-build.mjs checks
// it before letting binaryen assume the first 1 KB of memory is unused).
// Build time only: nothing here is shipped. Its tests are
// tests/build/wasm-layout.test.mjs.

/**
 * The lowest address any of the wasm's data segments is placed at (each is
 * active, at a constant offset, as Rust emits them), or null if it has none.
 * Anything it cannot place is refused rather than guessed.
 * @param {Uint8Array} bytes
 * @returns {number | null}
 */
export function lowestDataAddress(bytes) {
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== "\0asm") throw new Error("not a wasm module");
  let at = 8;
  const leb = () => { let value = 0, shift = 0, byte; do { byte = bytes[at++]; value += (byte & 127) * 2 ** shift; shift += 7; } while (byte & 128); return value; };
  const sleb = () => { let value = 0, shift = 0, byte; do { byte = bytes[at++]; value |= (byte & 127) << shift; shift += 7; } while (byte & 128); return shift < 32 && byte & 64 ? value | (-1 << shift) : value; };
  while (at < bytes.length) {
    const id = bytes[at++], size = leb(), end = at + size;
    if (id === 11) { // the data section
      let lowest = Infinity;
      for (let n = leb(); n > 0; n--) {
        const flags = leb();
        if (flags === 2) leb(); // a memory index
        if (flags === 1) throw new Error("the wasm has a passive data segment: its address is not known here");
        if (bytes[at++] !== 0x41) throw new Error("a data segment's offset is not an i32 constant");
        lowest = Math.min(lowest, sleb() >>> 0);
        at++; // end
        const length = leb(); // (`at += leb()` would add to `at` as it was before the read)
        at += length;
      }
      return lowest;
    }
    at = end;
  }
  return null;
}
