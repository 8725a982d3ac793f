#!/usr/bin/env python3
"""Trunk post-build step (Trunk.toml [[hooks]] stage = "post_build"), run on the staging folder.

1. Writes the loader script for the wasm that scripts/build_wasm.sh put in wasm-<hash>/ (Trunk's own Rust
   pipeline is skipped: it cannot split wasm), as a file of its own so that the Content-Security-Policy can
   forbid inline scripts altogether (script-src 'self' 'wasm-unsafe-eval'), with preload hints.
2. Writes the service worker with the exact list of files to precache and a cache name derived from their
   contents: every deployment gets a new cache, and old caches are deleted on activation.
3. Writes the web app manifest.

Usage: postbuild.py [staging-dir]   (defaults to $TRUNK_STAGING_DIR)
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "manifest-src 'self'; worker-src 'self'"
)

WASM_NAME = "iso20000_readiness"

# The routes are declared once, in src/ui/routes.rs (`with_routes!`); each page's split and whether it reads
# the stored data come from its `page!` line in src/ui/lazy_routes.rs. The loader preloads a deep link's files
# while the shell loads, so that it does not wait for the shell before fetching its page.
# tests/architecture.rs checks this reading (postbuild.py --print-routes) against the Rust sources.
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ui")
# Areas whose pages fetch the question bank (src/ui/exam_state.rs).
BANK_SPLITS = {"exam"}


def route_splits():
    """[(regex, [split, ...], fetches_bank)] for every route whose page is loaded on demand."""
    routes_rs = open(os.path.join(SRC, "routes.rs"), encoding="utf-8").read()
    lazy_rs = open(os.path.join(SRC, "lazy_routes.rs"), encoding="utf-8").read()
    block = re.search(r"macro_rules! with_routes \{(.*?)\n\}", routes_rs, re.S)
    if not block:
        sys.exit("postbuild.py: no with_routes! table in src/ui/routes.rs")
    routes = re.findall(r'"(/[^"]*)"\s*=>\s*(\w+);', block.group(1))
    codes = dict(re.findall(r"Page::(\w+)\s*=>\s*([A-Z_]+),", lazy_rs))
    pages = {
        code: (split, stored == "true")
        for code, split, stored in re.findall(r"page!\(\s*([A-Z_]+),\s*(\w+),\s*\w+,\s*\w+,\s*stored:\s*(true|false)\)", lazy_rs)
    }
    if not routes or not pages:
        sys.exit("postbuild.py: could not read the routes or the pages from src/ui")
    out = []
    for pattern, page in routes:
        code = codes.get(page)
        if code is None:
            continue  # a page of the shell: nothing to preload
        split, stored = pages[code]
        regex = "^" + re.sub(r":\w+", "[^/]+", pattern.rstrip("/")) + "/?$"
        out.append((regex, (["stored_data"] if stored else []) + [split], split in BANK_SPLITS))
    return out


LOADER = """const routes = %(routes)s;
const route = routes.find(([pattern]) => new RegExp(pattern).test(location.pathname));
if (route && !(navigator.serviceWorker && navigator.serviceWorker.controller)) {
  // On a first visit, a deep link's wasm chunks arrive in one request, its pack (see scripts/postbuild.py),
  // fetched while the shell loads; the chunk loader (__wasm_split.js) takes each chunk from it, or fetches
  // the chunk on its own if the pack could not be read. Once the service worker controls the page, every
  // chunk comes from its cache (which holds the chunks, not the packs), so no pack is fetched.
  const pack = route[1];
  const files = fetch(pack).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.status)))).then((buf) => {
    const head = new DataView(buf).getUint32(0, true);
    const index = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, head)));
    return new Map(index.map(([name, at, size]) => [name, new Uint8Array(buf, 4 + head + at, size)]));
  });
  files.catch(() => {});
  globalThis.__iso20000Take = (name, url) => files.then(
    (f) => (f.has(name) ? new Response(f.get(name), { headers: { 'Content-Type': 'application/wasm' } }) : fetch(url)),
    () => fetch(url));
}
// The areas' stylesheet (style/areas.css): added once, for the first page of an area; the chunk loader
// waits for it with the page's chunks (see take_from_packs), so nothing shows unstyled.
let areaStyles;
globalThis.__iso20000AreaStyles = () => areaStyles || (areaStyles = new Promise((done) => {
  const link = document.createElement('link');
  Object.assign(link, { rel: 'stylesheet', href: '%(areas_css)s' });
  link.onload = link.onerror = () => done();
  document.head.append(link);
}));
if (route) {
  globalThis.__iso20000AreaStyles();
  for (const file of route[2]) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: file });
    document.head.append(link);
  }
}
import('%(glue)s').then((glue) => glue.default({ module_or_path: '%(wasm)s' }));
"""

LOADER_EXTRA = """
// Offline support: the service worker precaches every file of this build. When a new build is
// deployed, the app shows an "update available" prompt (see src/ui/components/update.rs).
if ('serviceWorker' in navigator) {
  // Registered once the page has loaded and gone idle: precaching every file of the build must not compete
  // with the first render for the network and the processor.
  const register = () => navigator.serviceWorker.register('/sw.js').then((reg) => {
    const announce = (worker) => {
      if (worker && navigator.serviceWorker.controller) {
        window.__iso20000UpdateWaiting = worker;
        dispatchEvent(new CustomEvent('iso20000-update-available'));
      }
    };
    if (reg.waiting) announce(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      w && w.addEventListener('statechange', () => { if (w.state === 'installed') announce(w); });
    });
  }).catch(() => {});
  addEventListener('load', () => {
    if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 5000 }); else setTimeout(register, 1000);
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.__iso20000Activate && !reloading) { reloading = true; location.reload(); }
  });
}
window.__iso20000Activate = false;
window.iso20000ApplyUpdate = () => {
  window.__iso20000Activate = true;
  const w = window.__iso20000UpdateWaiting;
  if (w) w.postMessage('skip-waiting'); else location.reload();
};
"""

SW_TEMPLATE = """// Generated by scripts/postbuild.py: do not edit.
const CACHE = %(cache)s;
const FILES = %(files)s;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('iso20000-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route of the app is index.html (the SPA fallback), served from the cache first.
    event.respondWith(caches.match('/index.html').then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
"""

MANIFEST = {
    "name": "ISO 20000 Readiness",
    "short_name": "ISO 20000",
    "description": "Self-assessment for ISO/IEC 20000-1:2018 and Foundation exam practice, entirely in your browser.",
    "start_url": "/",
    "scope": "/",
    "display": "standalone",
    "background_color": "#ffffff",
    "theme_color": "#1d4e89",
    "lang": "en",
}


def minify_css(css):
    """Trunk 0.21 copies the stylesheet as written: drop comments and the whitespace no rule needs. Strings are
    kept as they are; spaces stay where they can matter (descendant combinators, values such as `1px solid`)."""
    out, i, n = [], 0, len(css)
    while i < n:
        ch = css[i]
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if ch in "\"'":
            end = i + 1
            while end < n and css[end] != ch:
                end += 2 if css[end] == "\\" else 1
            out.append(css[i : end + 1])
            i = end + 1
            continue
        if ch.isspace():
            while i < n and css[i].isspace():
                i += 1
            prev = out[-1][-1:] if out else ""
            nxt = css[i : i + 1]
            if prev and prev not in "{};,>" and nxt and nxt not in "{};,>!" and not css.startswith("/*", i):
                out.append(" ")
            continue
        out.append(ch)
        i += 1
    return "".join(out).replace(";}", "}")


def write_area_styles(staging):
    """Writes style/areas.css, minified, as areas-<hash>.css; returns its path on the site."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "style", "areas.css")
    css = minify_css(open(source, encoding="utf-8").read()).encode("utf-8")
    name = "areas-%s.css" % hashlib.sha256(css).hexdigest()[:16]
    open(os.path.join(staging, name), "wb").write(css)
    return "/" + name


def integrity(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def minify_stylesheets(staging, html):
    """Minifies each stylesheet in place and updates its subresource integrity hash in index.html."""
    for name in os.listdir(staging):
        if not name.endswith(".css") or name.startswith("areas-"):
            continue  # areas-*.css is written minified
        path = os.path.join(staging, name)
        before = open(path, "rb").read()
        after = minify_css(before.decode("utf-8")).encode("utf-8")
        open(path, "wb").write(after)
        if integrity(before) not in html:
            sys.exit("postbuild.py: no integrity hash for %s in index.html" % name)
        html = html.replace(integrity(before), integrity(after))
    return html


def release():
    return os.environ.get("TRUNK_PROFILE", "release") == "release"


def terser(js):
    """The module `js`, minified by terser (node_modules, installed by scripts/setup.sh)."""
    tool = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node_modules", ".bin", "terser")
    done = subprocess.run([tool, "--module", "--compress", "--mangle"], input=js, capture_output=True, text=True)
    if done.returncode:
        sys.exit("postbuild.py: terser failed (run scripts/setup.sh for node_modules): %s" % done.stderr)
    return done.stdout


def write_pack(folder, names):
    """Writes the wasm files `names` of `folder` as one file: a little-endian u32 length, a JSON index of
    [name, offset, size] and the files' bytes. Named by its content, with the .wasm extension so that hosts
    compress it like the chunks it holds. Returns its file name."""
    blobs = [open(os.path.join(folder, n), "rb").read() for n in names]
    index, at = [], 0
    for n, b in zip(names, blobs):
        index.append([n, at, len(b)])
        at += len(b)
    head = json.dumps(index, separators=(",", ":")).encode()
    data = len(head).to_bytes(4, "little") + head + b"".join(blobs)
    name = "pack-%s.wasm" % hashlib.sha256(data).hexdigest()[:16]
    open(os.path.join(folder, name), "wb").write(data)
    return name


def take_from_packs(link_js):
    """Makes the chunk loader ask the loader's pack first (globalThis.__iso20000Take, set by the loader for a
    deep link) and fetch the file itself otherwise."""
    patched, count = re.subn(
        r'fetch\(new URL\("\./((?:chunk|split)_\w+\.wasm)", import\.meta\.url\)\)',
        r'__take("\1")',
        link_js,
    )
    if count == 0:
        sys.exit("postbuild.py: no chunk fetch found in __wasm_split.js (has wasm-split-cli's output changed?)")
    # A chunk also waits for the areas' stylesheet (the loader's __iso20000AreaStyles), so that the first page
    # of an area, which always needs a chunk, never shows unstyled.
    take = (
        "const __take = (name) => { const url = new URL('./' + name, import.meta.url);"
        " const file = globalThis.__iso20000Take ? globalThis.__iso20000Take(name, url) : fetch(url);"
        " const styles = globalThis.__iso20000AreaStyles;"
        " return styles ? Promise.all([file, styles()]).then(([response]) => response) : file; };\n"
    )
    first, _, rest = patched.partition("\n")
    return first + "\n" + take + rest


def split_files(link_js):
    """Split name -> the wasm files it needs, read from the loader module wasm-split-cli writes: each shared
    chunk is introduced by a comment naming the splits that use it."""
    files = {}
    for used_by, chunk in re.findall(r'/\* ([\w, ]+) \*/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./(chunk_\d+\.wasm)"', link_js):
        for split in used_by.split(", "):
            files.setdefault(split, []).append(chunk)
    for split in re.findall(r'"\./split_(\w+)\.wasm"', link_js):
        files.setdefault(split, []).append("split_%s.wasm" % split)
    if not any(f.startswith("chunk_") for names in files.values() for f in names):
        sys.exit("postbuild.py: no shared chunks found in __wasm_split.js (has wasm-split-cli's output changed?)")
    return files


def main():
    if sys.argv[1:] == ["--print-routes"]:
        print(json.dumps(route_splits()))
        return
    staging = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not staging or not os.path.isdir(staging):
        sys.exit("postbuild.py: no staging folder (set TRUNK_STAGING_DIR or pass it)")
    index_path = os.path.join(staging, "index.html")
    html = open(index_path, encoding="utf-8").read()

    wasm_dirs = [d for d in os.listdir(staging) if d.startswith("wasm-") and os.path.isdir(os.path.join(staging, d))]
    if len(wasm_dirs) != 1:
        sys.exit("postbuild.py: expected one wasm-<hash> folder from scripts/build_wasm.sh, found %r" % wasm_dirs)
    glue = "/%s/%s.js" % (wasm_dirs[0], WASM_NAME)
    wasm = "/%s/%s_bg.wasm" % (wasm_dirs[0], WASM_NAME)
    link_js = open(os.path.join(staging, wasm_dirs[0], "__wasm_split.js"), encoding="utf-8").read()
    split_map = split_files(link_js)
    # The exam pages fetch the bank with the catalogue version in the query (src/ui/exam_state.rs).
    catalogue = json.load(open(os.path.join(staging, "questions.json"), encoding="utf-8"))["catalogue"]
    folder = os.path.join(staging, wasm_dirs[0])
    packs = {}
    routes = []
    for pattern, splits, bank in route_splits():
        names = list(dict.fromkeys(f for split in splits for f in split_map.get(split, [])))
        key = tuple(names)
        if key not in packs:
            packs[key] = write_pack(folder, names)
        extra = ["/questions.json?v=" + catalogue] if bank else []
        routes.append([pattern, "/%s/%s" % (wasm_dirs[0], packs[key]), extra])
    link_path = os.path.join(folder, "__wasm_split.js")
    open(link_path, "w", encoding="utf-8").write(take_from_packs(link_js))
    if release():
        # Read above for its chunk lists (in comments), it can now be minified like the glue.
        text = open(link_path, encoding="utf-8").read()
        open(link_path, "w", encoding="utf-8").write(terser(text))
    areas_css = write_area_styles(staging)
    loader = LOADER % {"routes": json.dumps(routes), "glue": glue, "wasm": wasm, "areas_css": areas_css}
    loader += LOADER_EXTRA
    if release():
        loader = terser(loader)
    loader_name = "loader-%s.js" % hashlib.sha256(loader.encode()).hexdigest()[:16]
    open(os.path.join(staging, loader_name), "w", encoding="utf-8").write(loader)
    # The glue imports __wasm_split.js: preloading it saves a round trip before the shell can start.
    link_module = "/%s/__wasm_split.js" % wasm_dirs[0]
    tags = (
        '<script type="module" src="/%s"></script>\n  <link rel="modulepreload" href="%s">\n'
        '  <link rel="modulepreload" href="%s">\n'
        '  <link rel="preload" href="%s" as="fetch" type="application/wasm" crossorigin>\n'
    ) % (loader_name, glue, link_module, wasm)
    if "</head>" not in html:
        sys.exit("postbuild.py: index.html has no </head>")
    html = html.replace("</head>", "  " + tags + "</head>", 1)
    # What Trunk leaves of the skipped Rust link and its comment: nothing a browser needs.
    html = re.sub(r"\s*<!--.*?-->", "", html, flags=re.S)
    html = re.sub(r"\s*<link data-trunk [^>]*>", "", html)
    html = minify_stylesheets(staging, html)

    icon = re.search(r'<link rel="icon" href="/([^"]+)"', html)
    manifest = dict(MANIFEST)
    if icon:
        manifest["icons"] = [{"src": "/" + icon.group(1), "sizes": "any", "type": "image/svg+xml", "purpose": "any"}]
    open(os.path.join(staging, "manifest.webmanifest"), "w", encoding="utf-8").write(json.dumps(manifest, indent=2))

    head_extra = (
        '<meta http-equiv="Content-Security-Policy" content="%s">\n  <link rel="manifest" href="/manifest.webmanifest">\n'
        % CSP
    )
    html = html.replace("<head>\n", "<head>\n  " + head_extra, 1)
    open(index_path, "w", encoding="utf-8").write(html)

    files = sorted(
        os.path.relpath(os.path.join(folder, f), staging).replace(os.sep, "/")
        for folder, _, names in os.walk(staging)
        for f in names
        if f != "sw.js" and not f.startswith("pack-")
    )
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.encode())
        digest.update(open(os.path.join(staging, f), "rb").read())
    cache = "iso20000-" + digest.hexdigest()[:16]
    urls = ["/"] + ["/" + f for f in files]
    sw = SW_TEMPLATE % {"cache": json.dumps(cache), "files": json.dumps(urls, indent=2)}
    open(os.path.join(staging, "sw.js"), "w", encoding="utf-8").write(sw)
    print("postbuild: loader %s, %d files precached in %s" % (loader_name, len(urls), cache))


if __name__ == "__main__":
    main()
