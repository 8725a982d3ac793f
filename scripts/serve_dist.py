#!/usr/bin/env python3
"""Serves a static folder on loopback the way any static host should serve this app.

A path that is not a file gets index.html (the SPA fallback), so a reload on a deep route such as
/learn/clause/8.6.1 works. Correct types for .wasm and .webmanifest; gzip for text and wasm when the browser
accepts it (as every production host does); no caching of index.html and the service worker, long caching
of the assets whose names carry a content hash.
"""

import argparse
import functools
import gzip
import io
import http.server
import os
import re
import sys
import threading

COMPRESSIBLE = (".wasm", ".js", ".css", ".html", ".json", ".svg", ".webmanifest")
# Names with a content hash (Trunk's `-<hash>` suffix, or build_wasm.sh's wasm-<hash>/ folder) never change.
HASHED = re.compile(r"(^|/)wasm-[0-9a-f]{16}/|-[0-9a-f]{15,16}\.\w+$")
_gzip_cache = {}
_gzip_lock = threading.Lock()


def gzipped(path):
    """The file's gzip bytes, compressed once per version of the file."""
    key = (path, os.stat(path).st_mtime_ns)
    with _gzip_lock:
        if key not in _gzip_cache:
            with open(path, "rb") as f:
                _gzip_cache[key] = gzip.compress(f.read(), 9)
        return _gzip_cache[key]


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
            path = self.translate_path(self.path)
        if path.endswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzipped(path)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def end_headers(self):
        name = self.path.split("?")[0]
        if HASHED.search(name):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that navigates away closes its downloads: not an error worth a traceback.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("folder", nargs="?", default="dist")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.folder, "index.html")):
        sys.exit(f"{args.folder}/index.html not found: build the app first (trunk build --release --offline).")
    handler = functools.partial(Handler, directory=args.folder)
    Server.allow_reuse_address = True
    with Server((args.host, args.port), handler) as httpd:
        print(f"Serving {args.folder}/ on http://{args.host}:{args.port}", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
