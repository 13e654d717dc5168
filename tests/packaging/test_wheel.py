"""The package installs: a wheel built from the checkout carries the reply templates, and mailbot imported from
that wheel alone (not from the checkout) renders every kind of reply in every language."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run with -S: no .pth file is read, so the editable install's finder cannot bring the checkout back.
SCRIPT = """
import sys
sys.path[:0] = [{site!r}, {deps!r}, {root!r}]
import mailbot.outbox.render as render
from tests.outbox.helpers import HELSINKI, context
assert render.__file__.startswith({site!r}), render.__file__
assert str(render.BUILTIN_TEMPLATES).startswith({site!r}), render.BUILTIN_TEMPLATES
renderer = render.Renderer(render.BUILTIN_TEMPLATES, HELSINKI)
done = 0
for kind in render.KINDS:
    for language in render.LANGUAGES:
        out = renderer.render(kind, language, **context(kind))
        assert out.language == language and out.subject and out.text and out.html.startswith("<!DOCTYPE html>")
        done += 1
print("rendered", done, "of", len(render.KINDS) * len(render.LANGUAGES))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out, source = tmp_path_factory.mktemp("wheel"), tmp_path_factory.mktemp("source") / "mailbot"
    # built from a copy: an in-place build leaves build/ behind, whose old files would go into the next wheel
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("mailbot", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                            "--no-index", "-q", "-w", str(out)], capture_output=True, text=True, cwd=out)
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = out.glob("mailbot-*.whl")
    return path


def test_the_wheel_carries_every_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"mailbot/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
               for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert shipped and shipped <= names, sorted(shipped - names)
    assert "mailbot/store/migrations/versions/0001_initial.py" in names


def test_mailbot_from_the_wheel_renders_every_reply(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = SCRIPT.format(site=str(site), deps=sysconfig.get_paths()["purelib"], root=str(ROOT))
    ran = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    done, _, of = ran.stdout.split()[1:4]
    assert done == of and int(done) >= 21, ran.stdout
