#!/usr/bin/env python3
"""Serves a static folder on loopback the way any static host should serve this app.

A path that is not a file gets index.html (the SPA fallback), so a reload on a deep route such as
/learn/clause/8.6.1 works. Correct types for .wasm and .webmanifest; no caching of index.html and the
service worker, long caching of hashed assets.
"""

import argparse
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            # SPA fallback: the app's router decides what the URL means.
            self.path = "/index.html"
        return super().send_head()

    def end_headers(self):
        name = self.path.split("?")[0]
        if name.endswith((".html", "/", "sw.js")) or "." not in name.rsplit("/", 1)[-1]:
            self.send_header("Cache-Control", "no-cache")
        else:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("folder", nargs="?", default="dist")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.folder, "index.html")):
        sys.exit(f"{args.folder}/index.html not found: build the app first (trunk build --release --offline).")
    handler = functools.partial(Handler, directory=args.folder)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        print(f"Serving {args.folder}/ on http://{args.host}:{args.port}", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
