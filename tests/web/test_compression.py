"""Pages and static files travel compressed to clients that ask, plain to those that do not (over real HTTP)."""
import gzip
import http.client
import os
import re
import threading
import urllib.parse
from pathlib import Path

import brotli
import pytest
from werkzeug.serving import make_server

from app.compression import precompress, write_whole

HTMX = "vendor/htmx-2.0.8.min.js"


@pytest.fixture(scope="module")
def server(app):
    precompress(Path(app.static_folder))
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_port
    httpd.shutdown()


def get(port: int, path: str, accept_encoding: str | None, **headers) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    if accept_encoding is not None:
        headers["Accept-Encoding"] = accept_encoding
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def decoded(response) -> bytes:
    return {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[
        response.getheader("Content-Encoding")](response.body)


def htmx_url(port: int, round_slug: str) -> str:
    page = get(port, f"/rounds/{round_slug}", None).body.decode()
    return re.search(r'src="(/static/vendor/htmx[^"]+)"', page).group(1)


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_a_page_arrives_compressed_when_the_phone_asks(server, make_round, clean_tables, encoding):
    make_round()
    plain = get(server, "/rounds/lewisham", None)
    packed = get(server, "/rounds/lewisham", f"{encoding}, deflate")
    assert packed.status == 200 and packed.getheader("Content-Encoding") == encoding
    assert "Accept-Encoding" in packed.getheader("Vary")
    assert len(packed.body) < len(plain.body) / 2
    assert b"<html" in decoded(packed)


def test_a_page_arrives_plain_when_the_client_does_not_ask(server, make_round, clean_tables):
    make_round()
    for accept in (None, "identity"):
        response = get(server, "/rounds/lewisham", accept)
        assert response.getheader("Content-Encoding") is None
        assert response.body.lstrip().startswith(b"<!") and b"</html>" in response.body


@pytest.mark.parametrize("accept, encoding", [("gzip, deflate, br", "br"), ("gzip", "gzip")])
def test_htmx_arrives_precompressed_with_its_encoding_and_a_year_of_caching(
        server, app, make_round, clean_tables, accept, encoding):
    make_round()
    url = htmx_url(server, "lewisham")
    original = (Path(app.static_folder) / HTMX).read_bytes()
    response = get(server, url, accept)
    assert response.status == 200 and response.getheader("Content-Encoding") == encoding
    assert response.getheader("Content-Type").startswith(("text/javascript", "application/javascript"))
    assert "Accept-Encoding" in response.getheader("Vary")
    assert "immutable" in response.getheader("Cache-Control") and "max-age=31536000" in response.getheader(
        "Cache-Control")
    assert len(response.body) < len(original) / 3 and decoded(response) == original
    again = get(server, url, accept, **{"If-None-Match": response.getheader("ETag")})
    assert again.status == 304 and again.body == b""


def test_htmx_arrives_plain_with_a_different_etag_when_the_client_does_not_ask(server, app, make_round,
                                                                               clean_tables):
    make_round()
    url = htmx_url(server, "lewisham")
    plain = get(server, url, None)
    assert plain.status == 200 and plain.getheader("Content-Encoding") is None
    assert plain.body == (Path(app.static_folder) / HTMX).read_bytes()
    assert plain.getheader("ETag") != get(server, url, "br").getheader("ETag")
    assert get(server, url, None, **{"If-None-Match": plain.getheader("ETag")}).status == 304


def test_a_stale_precompressed_copy_is_not_served(server, app, make_round, clean_tables):
    css = Path(app.static_folder) / "css" / "cards.css"
    stale = css.with_name("cards.css.br")
    original = stale.read_bytes()
    older = css.stat().st_mtime - 60
    left_behind = stale.with_name(".cards.css.br.older")
    left_behind.write_bytes(brotli.compress(b"/* an older build */"))
    os.utime(left_behind, (older, older))
    os.replace(left_behind, stale)  # in one step: tests in other workers may be reading the stylesheet
    try:
        response = get(server, "/static/css/cards.css", "br")
        assert decoded(response) == css.read_bytes()
    finally:
        write_whole(stale, original)


def test_a_missing_static_file_is_a_404_whatever_the_encoding(server):
    for accept in (None, "br", "gzip"):
        assert get(server, "/static/" + urllib.parse.quote("css/none.css"), accept).status == 404
        assert get(server, "/static/../config.py", accept).status == 404


def test_the_build_step_writes_brotli_and_gzip_copies_beside_the_static_files(app, runner):
    result = runner.invoke(args=["static", "compress"])
    assert result.exit_code == 0 and "compressed copies written" in result.output
    htmx = Path(app.static_folder) / HTMX
    assert brotli.decompress(Path(f"{htmx}.br").read_bytes()) == htmx.read_bytes()
    assert gzip.decompress(Path(f"{htmx}.gz").read_bytes()) == htmx.read_bytes()
