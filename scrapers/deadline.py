"""A whole-response deadline: a watchdog cuts the connection of a request that runs late.

``requests`` only bounds each socket read, so a server sending one byte a second holds a
fetch for ever. The session's connections are made through pool classes that remember
the socket of the connection being opened (every request opens its own: the fetcher
sends ``Connection: close``); when the deadline passes, a timer thread shuts that socket
down, which ends any read blocked on it, whether of the headers or of the body.

The same hook checks the address the socket really connected to (``peer_check``), before
a byte of the request is sent: a host name that resolved to a public address for the
gate and to an internal one a moment later (DNS rebinding) is caught there.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class SocketWatch:
    """The socket of the connection most recently opened by one session."""

    def __init__(self, peer_check: Callable[[str], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self.peer_check = peer_check

    def opened(self, sock: socket.socket | None) -> None:
        """Remember a freshly connected socket and check the address it reached; a refused
        address closes it (the check's error goes up to the caller of the request)."""
        with self._lock:
            self._socket = sock
        if sock is None or self.peer_check is None:
            return
        try:
            self.peer_check(str(sock.getpeername()[0]))
        except BaseException:
            sock.close()
            raise

    def cut(self) -> None:
        """Shut the remembered socket down: a read blocked on it ends at once."""
        with self._lock:
            sock = self._socket
        if sock is None:
            return
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)


def watch_session(session: requests.Session, watch: SocketWatch) -> None:
    """Mount adapters on ``session`` whose new connections report to ``watch``."""

    class WatchedHTTP(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            watch.opened(self.sock)

    class WatchedHTTPS(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            watch.opened(self.sock)

    class WatchedPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTP

    class WatchedTLSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPS

    adapter = HTTPAdapter(max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = {"http": WatchedPool, "https": WatchedTLSPool}
    session.mount("http://", adapter)
    session.mount("https://", adapter)


class Watchdog:
    """Cuts the watched connection ``seconds`` after :meth:`start` unless cancelled."""

    def __init__(self, watch: SocketWatch, seconds: float) -> None:
        self.watch = watch
        self.seconds = seconds
        self.expired = threading.Event()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def start(self) -> Watchdog:
        """Start counting; returns self."""
        self._timer.start()
        return self

    def cancel(self) -> None:
        """Stop counting (the request ended in time, or failed otherwise)."""
        self._timer.cancel()

    def _fire(self) -> None:
        self.expired.set()
        self.watch.cut()
