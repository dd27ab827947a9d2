"""A static site served on 127.0.0.1 with gzip, as a real host would serve it.

Python's http.server sends files as they are; hosts compress text. Without
compression the byte counts would say nothing about what readers download.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSED_TYPES)


def accepts_gzip(header: str | None) -> bool:
    codings = [part.split(";")[0].strip().lower() for part in (header or "").split(",")]
    return "gzip" in codings


@dataclass(frozen=True)
class Answer:
    """One response: the path asked for, its status, the bytes sent."""

    path: str
    status: int
    bytes: int


class AnsweringServer(http.server.ThreadingHTTPServer):
    """Keeps a list of what it answered, so a page's weight is measured where
    it is sent (a browser does not report requests made by web workers)."""

    daemon_threads = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.answered: list[Answer] = []
        self.lock = threading.Lock()

    def count(self, answer: Answer) -> None:
        with self.lock:
            self.answered.append(answer)

    def take_answers(self) -> list[Answer]:
        with self.lock:
            answered, self.answered = self.answered, []
        return answered


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Files of `directory`, text gzipped when the browser accepts it; 404.html
    for anything missing, with status 404."""

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        self.body_bytes = 0
        url_path = unquote(urlsplit(self.path).path)
        file = Path(self.translate_path(self.path))
        if file.is_dir() and not url_path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if file.is_dir():
            file = file / "index.html"
        status = 200
        if not file.is_file():
            status, file = 404, Path(self.directory) / "404.html"
        body = file.read_bytes() if file.is_file() else b"not found"
        content_type = self.guess_type(str(file))
        headers = {"Content-Type": content_type}
        if compressible(content_type):
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
            headers["Vary"] = "Accept-Encoding"
            if accepts_gzip(self.headers.get("Accept-Encoding")):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        self.body_bytes = len(body) if send_body else 0
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def flush_headers(self) -> None:
        # Counted before anything goes out: once the client has an answer (a
        # redirect too) it may ask the server what was answered, and must find
        # this answer there. What goes over the wire: the headers, then the body.
        if getattr(self, "_headers_buffer", None):
            header_bytes = sum(len(part) for part in self._headers_buffer)
            body_bytes = getattr(self, "body_bytes", 0)
            self.server.count(Answer(self.path, self.status, header_bytes + body_bytes))
        super().flush_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the benchmark prints its own progress


def base_url(server: AnsweringServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@contextmanager
def serve_gzip(directory: Path) -> Iterator[AnsweringServer]:
    """Serve directory on a free port of 127.0.0.1; base_url(server) is its address."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = AnsweringServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
