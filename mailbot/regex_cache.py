"""Compiled regular expressions kept across processes, so that `mailbot parse` starts fast.

The parser's grammar and lexicons are a few hundred large patterns. CPython compiles a pattern in two
steps: parsing it and generating its code (pure Python, about 85 ms for the whole grammar, most of a
`mailbot parse` run) and building the matcher from that code (``_sre.compile``, C, about 1 ms). This
module keeps the generated code of each pattern in a cache file, the way Python keeps byte code in
``__pycache__``, so that a later process does only the fast step. The file is keyed by the exact
interpreter and regex engine (``sys.version``, ``_sre.MAGIC``): code is never shared between two
builds. Anything unexpected (no cache directory, a damaged file, another Python's internals) falls
back to plain ``re.compile``; the cache can only make compiling faster, never different.

``MAILBOT_CACHE_DIR`` names the folder (default ``$XDG_CACHE_HOME/mailbot`` or ``~/.cache/mailbot``);
``MAILBOT_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any, AnyStr

try:  # the two halves of re.compile (CPython 3.11+); without them the cache is off
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _CODE = _compiler._code
    _PARSE = _parser.parse
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _sre = None  # type: ignore[assignment]

MAX_ENTRIES = 4096  # patterns built from message text must not grow the file without end
# each version of the grammar adds its patterns (about 1 MB); the file is read whole at every start, so the
# patterns of earlier versions must not pile up: beyond this size only what the writing process used is kept
MAX_BYTES = 8 * 1024 * 1024
# flags, code (32-bit words as bytes: the file loads in a blink and only used entries are unpacked),
# groups, groupindex, indexgroup: the arguments of _sre.compile
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_Key = tuple[str | bytes, int]
_compiled: dict[_Key, re.Pattern[Any]] = {}
_stored: dict[_Key, _Entry] | None = None  # what the file holds, loaded on first use
_added: dict[_Key, _Entry] = {}
_used: set[_Key] = set()
_save_registered = False
_oversized = False  # the file read at start is past MAX_BYTES: rewrite it at exit, even with nothing new


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:  # noqa: A001 - the name re uses
    """``re.compile(pattern, flags)``, with the slow half done once per machine, not once per process."""
    key: _Key = (pattern, int(flags))
    found = _compiled.get(key)
    if found is not None:
        return found
    compiled = _from_cache(key) if _enabled() else None
    if compiled is None:
        compiled = _compile_and_keep(key) if _enabled() else re.compile(pattern, flags)
    _compiled[key] = compiled
    return compiled


def _enabled() -> bool:
    return _sre is not None and array("I").itemsize == _sre.CODESIZE and _directory() is not None


def _directory() -> Path | None:
    configured = os.environ.get("MAILBOT_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            home = Path.home()
        except RuntimeError:  # no home directory (a service user without one): no cache
            return None
        if home == Path("/"):
            return None
        base = str(home / ".cache")
    return Path(base) / "mailbot"


def _file() -> Path | None:
    directory = _directory()
    if directory is None:
        return None
    engine = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:16]
    return directory / f"regex-{sys.implementation.cache_tag}-{engine}.marshal"


def _from_cache(key: _Key) -> re.Pattern[Any] | None:
    global _stored, _oversized
    if _stored is None:
        _stored = _read()
        if sum(len(v[1]) for v in _stored.values()) > MAX_BYTES:
            _oversized = True
            _register_save()
    entry = _stored.get(key)
    if entry is None:
        return None
    try:
        flags, code, groups, groupindex, indexgroup = entry
        words = array("I")
        words.frombytes(code)
        compiled: re.Pattern[Any] = _sre.compile(key[0], flags, words.tolist(), groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - a bad entry is only a cache miss
        return None
    _used.add(key)
    return compiled


def _compile_and_keep(key: _Key) -> re.Pattern[Any]:
    pattern, flags = key
    try:
        parsed = _PARSE(pattern, flags)
        code = _CODE(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        words = [int(c) for c in code]  # plain ints: the opcodes are an int subclass
        entry: _Entry = (int(flags | parsed.state.flags), array("I", words).tobytes(), parsed.state.groups - 1,
                         groupindex, tuple(indexgroup))
        compiled: re.Pattern[Any] = _sre.compile(pattern, entry[0], words, entry[2], entry[3], entry[4])
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals not as expected: compile the ordinary way, keep nothing
        return re.compile(pattern, flags)
    _added[key] = entry
    _used.add(key)
    _register_save()
    return compiled


def _read() -> dict[_Key, _Entry]:
    path = _file()
    if path is None:
        return {}
    try:
        data: Any = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items()
            if isinstance(k, tuple) and len(k) == 2 and isinstance(v, tuple) and len(v) == 5}


def _register_save() -> None:
    global _save_registered
    if not _save_registered:
        _save_registered = True
        atexit.register(save)


def save() -> None:
    """Write what this process compiled to the cache file (at exit; merged with what others wrote)."""
    global _oversized
    path = _file()
    if path is None or not (_added or _oversized):
        return
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        merged = _read()
        merged.update(_added)
        size = sum(len(v[1]) for v in merged.values())
        if len(merged) > MAX_ENTRIES or size > MAX_BYTES:  # keep what this process used: stale patterns go
            merged = {k: v for k, v in merged.items() if k in _used}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(merged))
            os.replace(tmp, path)
            _oversized = False
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _added.clear()
