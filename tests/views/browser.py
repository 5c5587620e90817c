"""Headless Chromium for the view tests: load a page, read its DOM and console, screenshot it.

Chromium is Debian's package (``.ci/run`` installs it when missing). Started with the
flags a closed network needs (no background networking, no component updates, no sync),
a fresh profile and no sandbox (tests run as root). Console messages come through
``--enable-logging=stderr``: Chromium writes each as a ``CONSOLE`` line.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0")


def chromium() -> str:
    """The browser's path; skips the test where there is none, fails under CI."""
    found = os.environ.get("DANVAN_CHROMIUM") or next(
        (path for name in CANDIDATES if (path := shutil.which(name))), None)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI must provide chromium (.ci/run installs Debian's package)")
    pytest.skip("no chromium here (apt-get install chromium)")


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the browser made of a page."""

    dom: str
    console: list[str]


def _run(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def load(page: Path, profile: Path, width: int = 1280, height: int = 900) -> Loaded:
    """The DOM after the page's script ran, and the console messages it logged."""
    done = _run(page, profile, f"--window-size={width},{height}", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    return Loaded(done.stdout, console)


def screenshot(page: Path, profile: Path, out: Path, width: int, height: int) -> Path:
    """A PNG of the page at that window size."""
    done = _run(page, profile, f"--window-size={width},{height}", f"--screenshot={out}")
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]
    return out


def png_colours(path: Path) -> int:
    """How many distinct pixel values the PNG holds (1 means a blank page)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour_type]
    assert depth == 8, f"unexpected PNG depth {depth}"
    raw = zlib.decompress(b"".join(_chunks(data, b"IDAT")))
    stride = width * channels
    pixels: set[bytes] = set()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous,
                         channels)
        pixels.update(bytes(line[i:i + channels]) for i in range(0, stride, channels * 7))
        previous = line
    return len(pixels)


def _chunks(data: bytes, kind: bytes) -> list[bytes]:
    found, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        if data[offset + 4:offset + 8] == kind:
            found.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return found


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> bytearray:
    """Undo one PNG row filter (None, Sub, Up, Average, Paeth)."""
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        corner = previous[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
    return line


def _paeth(left: int, up: int, corner: int) -> int:
    estimate = left + up - corner
    distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
    return (left, up, corner)[distances.index(min(distances))]
