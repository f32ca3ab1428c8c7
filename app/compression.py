"""Compressed responses: pages on the fly, static files precompressed at build time.

A phone on slow data pays for every byte; HTML shrinks to a third and htmx to a third again.
"""
import gzip
import mimetypes
import os
import tempfile
from pathlib import Path

import brotli
from flask import Flask, current_app, request, send_from_directory
from flask_compress import Compress
from werkzeug.security import safe_join

# Best first: Brotli is smaller, gzip is what every client has.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
PRECOMPRESSED = frozenset({".css", ".js", ".svg", ".json", ".txt", ".html"})

compress = Compress()


def precompress(folder: Path) -> list[Path]:
    """Write name.br and name.gz beside each text file under folder, at the highest levels (done once)."""
    written = []
    for source in sorted(folder.rglob("*")):
        if not source.is_file() or source.suffix not in PRECOMPRESSED:
            continue
        data = source.read_bytes()
        for suffix, packed in ((".br", brotli.compress(data, quality=11, mode=brotli.MODE_TEXT)),
                               (".gz", gzip.compress(data, compresslevel=9, mtime=0))):
            target = source.with_name(source.name + suffix)
            if len(packed) < len(data):
                write_whole(target, packed)
                written.append(target)
    return written


def write_whole(target: Path, data: bytes) -> None:
    """Replace target in one step, so a build run beside a live server never serves half a file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)


def _precompressed(folder: str, filename: str) -> tuple[str, str] | None:
    """The encoding and file name of a fresh precompressed copy the client accepts, if there is one."""
    original = safe_join(folder, filename)
    if original is None or not Path(original).is_file():
        return None
    for encoding, suffix in ENCODINGS:
        if not request.accept_encodings[encoding]:
            continue
        copy = Path(original + suffix)
        # A copy older than its source was left by an earlier build: the plain file is right.
        if copy.is_file() and copy.stat().st_mtime >= Path(original).stat().st_mtime:
            return encoding, filename + suffix
    return None


def serve_static(filename: str):
    """A static file, precompressed when the client accepts it; fingerprinted URLs never change."""
    folder = current_app.static_folder
    found = _precompressed(folder, filename)
    if found is None:
        response = current_app.send_static_file(filename)
        # Without a build's copies, compress in memory: compressing the open file as a stream would leak it.
        response.direct_passthrough = False
        response.make_sequence()
    else:
        encoding, stored = found
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response = send_from_directory(folder, stored, mimetype=mimetype,
                                       max_age=current_app.get_send_file_max_age(filename))
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    if request.args.get("v") and response.cache_control.max_age:
        response.cache_control.immutable = True
    return response


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_ALGORITHM_STREAMING", ["br", "gzip"])
    app.config.setdefault("COMPRESS_MIMETYPES", ["text/html", "text/css", "text/csv", "text/plain",
                                                 "application/javascript", "text/javascript", "application/json",
                                                 "application/xml", "image/svg+xml"])
    compress.init_app(app)
    app.view_functions["static"] = serve_static
