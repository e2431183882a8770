// The paint-first transform (see scripts/paint-first.mjs) and its reader: which chunks a page's
// loader fetches after the first paint, for scripts/lib/first-load.mjs.

const ASYNC_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*? href="([^"]+)"\/>/g;
const MARK = "relaylab:paint-first";

/**
 * The loader: after the first paint (a frame, then a task), append the chunks as async scripts
 * and the preloads as preloads (a preloaded chunk is fetched, not run, until the page needs it).
 */
function loader(scripts, preloads) {
  return (
    `<script>/*${MARK}*/(function(){var done=false;function add(src,preload){var e;` +
    `if(preload){e=document.createElement("link");e.rel="preload";e.as="script";e.href=src}` +
    `else{e=document.createElement("script");e.src=src;e.async=true}document.head.appendChild(e)}` +
    `function load(){if(done)return;done=true;` +
    `${JSON.stringify(scripts)}.forEach(function(s){add(s,false)});` +
    `${JSON.stringify(preloads)}.forEach(function(s){add(s,true)})}` +
    `requestAnimationFrame(function(){setTimeout(load,0)});setTimeout(load,1000)})()</script>`
  );
}

/** Returns the page with its async chunks (and script preloads) fetched after the first paint. */
export function paintFirst(html) {
  if (html.includes(MARK) || !html.includes("</body>")) return { html, scripts: 0 };
  const scripts = [];
  const preloads = [];
  let rest = html.replace(ASYNC_SCRIPT, (_all, src) => {
    if (!scripts.includes(src)) scripts.push(src);
    return "";
  });
  rest = rest.replace(SCRIPT_PRELOAD, (_all, src) => {
    if (!scripts.includes(src) && !preloads.includes(src)) preloads.push(src);
    return "";
  });
  if (scripts.length === 0) return { html, scripts: 0 };
  const at = rest.lastIndexOf("</body>");
  return {
    html: rest.slice(0, at) + loader(scripts, preloads) + rest.slice(at),
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
