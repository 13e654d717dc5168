"""A real Dovecot IMAP server for tests: ``start_dovecot(tmpdir, users) -> DovecotServer``.

The configuration is the one TESTING.md found to work on these machines: passwd-file users with
PLAIN passwords, Maildir homes, a loopback listener on a free port, no system configuration read.
As root, the login process runs as ``dovenull`` and mail is owned by ``nobody`` (Dovecot refuses
uid 0 for both); otherwise everything runs as the current user. Readiness is the ``* OK`` greeting,
polled with a deadline; ``stop()`` sends SIGTERM to Dovecot's own pid.

With ``tls=True`` an ``imaps`` listener is opened too and STARTTLS is offered, with a self-signed
certificate for 127.0.0.1 and localhost made by ``openssl``; ``server.cafile`` trusts it.
``extra_config`` is appended to dovecot.conf, e.g. ``imap_capability = IMAP4rev1 UIDPLUS`` to play
a server without IDLE or MOVE.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from imapclient import IMAPClient

DOVECOT = "/usr/sbin/dovecot"
DOVEADM = "/usr/bin/doveadm"
# Unix socket paths are limited to 108 bytes and Dovecot's longest below base_dir is ~30.
MAX_DIR_LENGTH = 60


@dataclass
class DovecotServer:
    host: str
    port: int
    dir: Path
    process: subprocess.Popen[bytes]
    users: dict[str, str] = field(default_factory=dict)
    tls_port: int | None = None  # imaps, when started with tls=True
    cafile: Path | None = None  # the self-signed certificate to trust, when started with tls=True
    _remove_dir: bool = False

    @property
    def config(self) -> Path:
        return self.dir / "dovecot.conf"

    @property
    def log(self) -> str:
        path = self.dir / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def add_user(self, user: str, password: str) -> None:
        """Adds a login, usable at once: Dovecot rereads the passwd file only now and then, so reload it."""
        self.users[user] = password
        _write_passwd(self.dir, self.users)
        subprocess.run([DOVEADM, "-c", str(self.config), "reload"], check=True, capture_output=True)

    def client(self, user: str) -> IMAPClient:
        """A logged-in plain-text connection as ``user`` (close it with ``logout()``)."""
        client = IMAPClient(self.host, self.port, ssl=False, timeout=30)
        try:
            client.login(user, self.users[user])
        except BaseException:
            client.shutdown()
            raise
        return client

    def deliver(self, user: str, raw: bytes, folder: str = "INBOX", flags: tuple[bytes, ...] = ()) -> int:
        """Appends ``raw`` to ``user``'s ``folder`` over IMAP; returns its UID (from APPENDUID)."""
        with self.client(user) as client:
            response = client.append(folder, raw, flags=flags)
        found = re.search(rb"APPENDUID \d+ (\d+)", response)
        if found is None:
            raise RuntimeError(f"no APPENDUID in Dovecot's answer {response!r}")
        return int(found.group(1))

    def kick(self, user: str) -> None:
        """Closes every IMAP connection of ``user`` from the server's side (``doveadm kick``)."""
        subprocess.run([DOVEADM, "-c", str(self.config), "kick", user], check=True, capture_output=True)

    def restart(self, seconds: float = 20) -> None:
        """Stops Dovecot and starts it again on the same port and folder: every connection drops."""
        self._terminate()
        self.process = _spawn(self.dir)
        _wait_for_greeting(self, seconds)

    def stop(self) -> None:
        self._terminate()
        if self._remove_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _terminate(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_dovecot(tmpdir: str | Path | None = None, users: dict[str, str] | None = None, *,
                  tls: bool = False, extra_config: str = "", seconds: float = 20) -> DovecotServer:
    """Starts Dovecot in ``tmpdir`` (a new short folder under /tmp when None, removed by ``stop()``)."""
    remove = tmpdir is None
    folder = Path(tempfile.mkdtemp(prefix="dv", dir="/tmp") if tmpdir is None else tmpdir).resolve()
    if len(str(folder)) > MAX_DIR_LENGTH:
        raise ValueError(f"{folder} is too long for Dovecot's sockets; use tempfile.mkdtemp(prefix='dv', dir='/tmp')")
    users = dict(users if users is not None else {"ajanvaraus@example.fi": "secret"})
    as_root = os.geteuid() == 0
    mail_owner = pwd.getpwnam("nobody") if as_root else pwd.getpwuid(os.geteuid())
    # The auth process (user dovecot) must reach the passwd file through 0700 mkdtemp folders.
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o711)
    home = folder / "home"
    home.mkdir(exist_ok=True)
    os.chown(home, mail_owner.pw_uid, mail_owner.pw_gid)
    _write_passwd(folder, users)
    port, tls_port = _free_port(), (_free_port() if tls else None)
    cafile = _make_certificate(folder) if tls else None
    conf = _config(folder, port, tls_port, as_root, mail_owner) + extra_config + "\n"
    (folder / "dovecot.conf").write_text(conf)
    server = DovecotServer("127.0.0.1", port, folder, _spawn(folder), users, tls_port, cafile, remove)
    try:
        _wait_for_greeting(server, seconds)
    except BaseException:
        server.stop()
        raise
    return server


def _spawn(folder: Path) -> subprocess.Popen[bytes]:
    with (folder / "dovecot.log").open("ab") as errors:
        return subprocess.Popen([DOVECOT, "-F", "-c", str(folder / "dovecot.conf")],
                                stdout=subprocess.DEVNULL, stderr=errors)


def _config(folder: Path, port: int, tls_port: int | None, as_root: bool, owner: pwd.struct_passwd) -> str:
    me = pwd.getpwuid(os.geteuid()).pw_name
    my_group = grp.getgrgid(os.getegid()).gr_name
    internal, group, login = ("dovecot", "dovecot", "dovenull") if as_root else (me, my_group, me)
    chroot = "" if as_root else "  chroot =\n"
    ssl = (f"ssl = yes\nssl_cert = <{folder}/cert.pem\nssl_key = <{folder}/key.pem\n" if tls_port
           else "ssl = no\n")
    return f"""\
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
info_log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {internal}
default_internal_group = {group}
default_login_user = {login}
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={folder}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port or 0}
  }}
{chroot}}}
service anvil {{
{chroot}  # no growing delay after failed logins: every test connects from 127.0.0.1
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def _write_passwd(folder: Path, users: dict[str, str]) -> None:
    path = folder / "passwd"
    new = folder / "passwd.new"
    new.write_text("".join(f"{user}:{{PLAIN}}{password}::::::\n" for user, password in users.items()))
    new.chmod(0o644)
    new.replace(path)  # atomic: the auth process never reads half a file


def _make_certificate(folder: Path) -> Path:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"), "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True)
    (folder / "key.pem").chmod(0o600)
    return folder / "cert.pem"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_greeting(server: DovecotServer, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"dovecot exited with {server.process.returncode}:\n{server.log}")
        try:
            with socket.create_connection((server.host, server.port), timeout=2) as s:
                greeting = s.recv(200)
            if greeting.startswith(b"* OK"):
                return
            last = greeting.decode(errors="replace")
        except OSError as e:
            last = str(e)
        time.sleep(0.02)  # between two polls; the deadline, not this, bounds the wait
    raise RuntimeError(f"dovecot did not greet on port {server.port} within {seconds} s ({last}):\n{server.log}")
