// The paint-first transform (see scripts/paint-first.mjs) and its reader: which chunks a page's
// loader fetches after the first paint, for scripts/lib/first-load.mjs.

const ASYNC_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*? href="([^"]+)"\/>/g;
const MANIFEST = /<link rel="manifest" href="([^"]+)"\/>/g;
const MARK = "relaylab:paint-first";

/**
 * The loader: once the browser reports the first contentful paint, append the chunks as async
 * scripts, the preloads as preloads (a preloaded chunk is fetched, not run, until the page needs
 * it) and the manifest link (which fetches the manifest and its icon). Waiting for the paint
 * entry, rather than for a frame, means no request competes with the page until it is on
 * screen. Where paint entries are not supported it waits for a frame; a timer covers a
 * background tab, which never paints. Each element is appended in a task of its own: appending
 * a script starts its fetch synchronously, and seven of them in one task made a 45-60 ms task on a
 * 4x-throttled phone profile, right after the paint.
 */
function loader(scripts, preloads, manifests) {
  return (
    `<script>/*${MARK}*/(function(){var done=false;function add(src,rel){setTimeout(function(){var e;` +
    `if(rel){e=document.createElement("link");e.rel=rel;if(rel==="preload")e.as="script";e.href=src}` +
    `else{e=document.createElement("script");e.src=src;e.async=true}document.head.appendChild(e)},0)}` +
    `function load(){if(done)return;done=true;` +
    `${JSON.stringify(scripts)}.forEach(function(s){add(s,"")});` +
    `${JSON.stringify(preloads)}.forEach(function(s){add(s,"preload")});` +
    `${JSON.stringify(manifests)}.forEach(function(s){add(s,"manifest")})}` +
    `var P=self.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)` +
    `new P(function(l){l.getEntries().forEach(function(e){if(e.name==="first-contentful-paint")load()})})` +
    `.observe({type:"paint",buffered:true});` +
    `else requestAnimationFrame(function(){setTimeout(load,0)});setTimeout(load,1000)})()</script>`
  );
}

/** Removes every tag `pattern` matches, adding its URL to `into` once (unless it is in `skip`). */
function take(html, pattern, into, skip = []) {
  return html.replace(pattern, (_all, src) => {
    if (!skip.includes(src) && !into.includes(src)) into.push(src);
    return "";
  });
}

/**
 * Returns the page with its async chunks, script preloads and manifest link requested after
 * the first paint.
 */
export function paintFirst(html) {
  if (html.includes(MARK) || !html.includes("</body>")) return { html, scripts: 0 };
  const scripts = [];
  const preloads = [];
  const manifests = [];
  let rest = take(html, ASYNC_SCRIPT, scripts);
  if (scripts.length === 0) return { html, scripts: 0 };
  rest = take(rest, SCRIPT_PRELOAD, preloads, scripts);
  rest = take(rest, MANIFEST, manifests);
  const at = rest.lastIndexOf("</body>");
  return {
    html: rest.slice(0, at) + loader(scripts, preloads, manifests) + rest.slice(at),
    scripts: scripts.length,
  };
}

/** The chunks a paint-first loader in this page runs, in order ([] if it has none). */
export function deferredSources(html) {
  const at = html.indexOf(`/*${MARK}*/`);
  if (at < 0) return [];
  // The first list is the scripts; the second, the preloads, runs nothing by itself.
  const list = /(\[[^\]]*\])\.forEach/.exec(html.slice(at, at + 4000))?.[1];
  try {
    const parsed = JSON.parse(list ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((s) => typeof s === "string") : [];
  } catch {
    return [];
  }
}
