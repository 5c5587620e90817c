"""A real HTTP server on 127.0.0.1 serving fixture sites and faults to the scraper tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BufferedIOBase
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"


@dataclass
class Reply:
    """One answer: status, headers, body; ``pause`` before answering; ``short_by`` bytes
    promised in Content-Length but never sent (a truncated page); ``chunked`` sends no
    Content-Length at all; ``drip`` seconds between two bytes of the body (a slow-loris
    server), whose bytes sent are counted in ``FixtureServer.dripped``."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    pause: float = 0.0
    short_by: int = 0
    chunked: bool = False
    drip: float = 0.0


@dataclass(frozen=True)
class Request:
    """What the server saw of one request."""

    path: str
    headers: dict[str, str]


Route = Reply | Callable[[Request], Reply]


def page(body: str | bytes, content_type: str = HTML, **headers: str) -> Reply:
    """A 200 answer with the given body and content type."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(body=data, headers={"Content-Type": content_type, **headers})


def fixture(name: str, base: str = "", content_type: str = HTML) -> Reply:
    """A fixture file, with ``{base}`` replaced by the server's address."""
    text = (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", base)
    return page(text, content_type)


def sequence(*replies: Reply) -> Callable[[Request], Reply]:
    """Answers in turn, the last one for ever (e.g. a 500 then a 200)."""
    served = [0]

    def answer(_: Request) -> Reply:
        index = min(served[0], len(replies) - 1)
        served[0] += 1
        return replies[index]

    return answer


class Gate:
    """Lets the first ``passes`` requests of the routes it guards through, then holds every
    later one (the client waits for an answer) until :meth:`release`. ``held`` is set
    once a request is being held, so a test knows a client is mid-run, at a known point."""

    def __init__(self, passes: int) -> None:
        self.passes = passes
        self.count = 0
        self.lock = threading.Lock()
        self.held = threading.Event()
        self.released = threading.Event()

    def guard(self, reply: Reply) -> Callable[[Request], Reply]:
        """A route answering ``reply`` once the gate lets the request through."""

        def answer(_: Request) -> Reply:
            with self.lock:
                self.count += 1
                hold = self.count > self.passes
            if hold:
                self.held.set()
                self.released.wait()
            return reply

        return answer

    def release(self) -> None:
        """Answer the held requests and every later one."""
        self.released.set()


class FixtureServer:
    """Serves ``routes`` (path with query -> Reply) until stopped; records every request."""

    def __init__(self, routes: dict[str, Route] | None = None, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[Request] = []
        self.dripped = 0
        self.httpd = ThreadingHTTPServer((host, 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,),
                                       daemon=True)

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def hits(self, path: str) -> int:
        """How many times ``path`` was requested."""
        return sum(1 for request in self.requests if request.path == path)

    def drip(self, out: BufferedIOBase, reply: Reply) -> None:
        """Send the body one byte at a time, ``reply.drip`` seconds apart."""
        for index in range(len(reply.body)):
            out.write(reply.body[index:index + 1])
            out.flush()
            self.dripped += 1
            time.sleep(reply.drip)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                server.requests.append(request)
                route = server.routes.get(self.path, Reply(status=404, body=b"not found"))
                reply = route(request) if callable(route) else route
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                time.sleep(reply.pause)
                try:  # the client may be gone (timed out, killed)
                    self._write_head(reply)
                    self._write_body(reply)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                    return
                if reply.short_by:
                    self.close_connection = True

            def _write_head(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Content-Length", str(len(reply.body) + reply.short_by))
                self.end_headers()

            def _write_body(self, reply: Reply) -> None:
                if reply.drip:
                    server.drip(self.wfile, reply)
                elif not reply.chunked:
                    self.wfile.write(reply.body)
                else:
                    for start in range(0, len(reply.body), 8192):
                        piece = reply.body[start:start + 8192]
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler
