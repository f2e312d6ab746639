// Turns the server renderer's HTML into the node tree the loader paints
// (scripts/post-build.mjs). Build time only: nothing here is shipped. Its
// tests are tests/build/html-tree.test.mjs.

/**
 * The server renderer's HTML as a tree the loader builds with createElement
 * (Trusted Types forbid innerHTML): an element is [name, {attributes},
 * ...children], text is a string. The renderer writes well-formed HTML with
 * quoted attributes and only &amp; &lt; &gt; &quot; escaped; anything else is
 * refused here rather than read wrongly.
 */
export function tree(html) {
  const decode = (text) => {
    const other = text.match(/&(?!(amp|lt|gt|quot);)/);
    if (other) throw new Error(`prerendered HTML has a character reference this build cannot read: ${text}`);
    return text.replace(/&(amp|lt|gt|quot);/g, (_, e) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e]);
  };
  const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr"]);
  const root = ["", {}];
  const open = [root];
  const TOKEN = /<\/([a-z][a-z0-9-]*)>|<([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*>|([^<]+)/gy;
  let at = 0;
  for (const [all, close, name, attrs, text] of html.matchAll(TOKEN)) {
    at += all.length;
    const parent = open[open.length - 1];
    if (text !== undefined) parent.push(decode(text));
    else if (close !== undefined) {
      if (parent[0] !== close) throw new Error(`prerendered HTML closes <${close}> inside <${parent[0]}>`);
      open.pop();
    } else {
      const attributes = {};
      for (const [, key, value] of attrs.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) attributes[key] = decode(value ?? "");
      const element = [name, attributes];
      parent.push(element);
      if (!VOID.has(name)) open.push(element);
    }
  }
  if (at !== html.length) throw new Error(`prerendered HTML could not be read after: ${html.slice(Math.max(0, at - 40), at + 40)}`);
  if (open.length !== 1 || root.length !== 3) throw new Error("prerendered HTML must be one element, closed");
  return root[2];
}
