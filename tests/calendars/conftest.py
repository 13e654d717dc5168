"""Real servers for the calendar tests: Radicale (CalDAV) in a subprocess, an .ics web server in a thread.

Radicale is started once per session on a free loopback port, in a temporary folder, and stopped by
its own pid at the end; readiness is polled on the port with a deadline. ``--auth-delay 0``: caldav
first asks without credentials, and Radicale would otherwise answer that 401 a second later.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import caldav
import pytest

DAV_USER = "aino"
DAV_PASSWORD = "secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen[bytes], log: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"radicale exited with {proc.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.02)  # between two polls; the deadline, not this, bounds the wait
    raise RuntimeError(f"radicale did not answer on port {port} within {seconds} s:\n{log.read_text()}")


@contextmanager
def running_radicale(folder: Path, *auth: str) -> Iterator[str]:
    port = free_port()
    log = folder / "radicale.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
             "--storage-filesystem-folder", str(folder / "collections"), "--auth-delay", "0",
             "--logging-level", "warning", *auth],
            stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, proc, log)
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_radicale(tmp_path_factory.mktemp("radicale"), "--auth-type", "none") as url:
        yield url


@pytest.fixture(scope="session")
def radicale_htpasswd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("radicale-auth")
    (folder / "users").write_text(f"{DAV_USER}:{DAV_PASSWORD}\n")
    with running_radicale(folder, "--auth-type", "htpasswd", "--auth-htpasswd-filename", str(folder / "users"),
                          "--auth-htpasswd-encryption", "plain") as url:
        yield url


def make_dav_calendar(server: str) -> str:
    """A new, empty calendar collection of DAV_USER; its address."""
    with caldav.DAVClient(server, username=DAV_USER, password=DAV_PASSWORD) as client:
        cal = client.principal().make_calendar(name="work", cal_id=f"work-{uuid.uuid4().hex[:8]}")
        return str(cal.url)


@pytest.fixture
def dav_calendar(radicale: str) -> str:
    return make_dav_calendar(radicale)


# --- an .ics web server ----------------------------------------------------------------------------

@dataclass
class IcsServer:
    """What the server serves, and what it was asked; change the fields between requests."""

    body: bytes = b""
    etag: str | None = '"v1"'
    last_modified: str | None = formatdate(1795500000, usegmt=True)
    status: int | None = None  # answer every request with this status instead
    credentials: tuple[str, str] | None = None  # require HTTP basic auth
    requests: list[dict[str, str]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # what it answered, in order
    url: str = ""


def _handler(state: IcsServer) -> type[BaseHTTPRequestHandler]:
    import base64

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(dict(self.headers.items()))
            if state.credentials:
                token = base64.b64encode(":".join(state.credentials).encode()).decode()
                if self.headers.get("Authorization") != f"Basic {token}":
                    return self._send(401, b"", {"WWW-Authenticate": 'Basic realm="calendars"'})
            if state.status is not None:
                return self._send(state.status, b"error page")
            validators = {k: v for k, v in (("ETag", state.etag), ("Last-Modified", state.last_modified)) if v}
            if (state.etag and self.headers.get("If-None-Match") == state.etag) or (
                    not state.etag and state.last_modified
                    and self.headers.get("If-Modified-Since") == state.last_modified):
                return self._send(304, b"", validators)
            self._send(200, state.body, {"Content-Type": "text/calendar; charset=utf-8", **validators})

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            state.statuses.append(status)
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def ics_server() -> Iterator[IcsServer]:
    state = IcsServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}/aino.ics"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
