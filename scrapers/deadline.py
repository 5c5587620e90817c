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
from typing import Any

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

    def opened(self, sock: socket.socket | None, *, check_peer: bool = True) -> None:
        """Remember a freshly connected socket and check the address it reached; a refused
        address closes it (the check's error goes up to the caller of the request)."""
        with self._lock:
            self._socket = sock
        if sock is None or self.peer_check is None or not check_peer:
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
    """Mount adapters on ``session`` whose new connections report to ``watch``; through
    an HTTP proxy too (then the peer is the proxy, so only the deadline applies)."""
    session.mount("http://", WatchedAdapter(watch))
    session.mount("https://", WatchedAdapter(watch))


def _watched_pools(watch: SocketWatch,
                   check_peer: bool) -> dict[str, type[HTTPConnectionPool]]:
    class WatchedHTTP(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            watch.opened(self.sock, check_peer=check_peer)

    class WatchedHTTPS(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            watch.opened(self.sock, check_peer=check_peer)

    class WatchedPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTP

    class WatchedTLSPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPS

    return {"http": WatchedPool, "https": WatchedTLSPool}


class WatchedAdapter(HTTPAdapter):
    """An adapter whose connections, direct or through an HTTP(S) proxy, are watched."""

    def __init__(self, watch: SocketWatch) -> None:
        self.watch = watch
        super().__init__(max_retries=0)
        self.poolmanager.pool_classes_by_scheme = _watched_pools(watch, check_peer=True)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        """The proxy's manager, its pools watched (a SOCKS proxy keeps its own pools)."""
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = _watched_pools(self.watch, check_peer=False)
        return manager


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
