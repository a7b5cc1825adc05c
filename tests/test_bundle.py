"""The installer's program, built with PyInstaller from build_installer.spec and started for real.

The build takes about a minute: it is made once per state of the sources and kept in a cache
(``KT1DESK_BUNDLE_CACHE``, default ``~/.cache/kt1desk-bundle``) keyed by a hash of everything that
goes into it, so a second run of the suite on the same sources reuses it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["build_installer.spec", "uv.lock", "pyproject.toml", "kt1desk", "resources", "ui"]


def _key() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def bundle() -> Path:
    cache = Path(os.environ.get("KT1DESK_BUNDLE_CACHE") or Path.home() / ".cache" / "kt1desk-bundle")
    key = _key()
    dist = cache / key / "dist"
    program = dist / "kt1desk"
    if not (program / "kt1desk-cli").exists():
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.iterdir():  # one build kept: each is ~200 MB
            if old.is_dir() and old.name not in (key, "work"):
                shutil.rmtree(old, ignore_errors=True)
        result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                                 "--distpath", str(dist), "--workpath", str(cache / "work"),
                                 str(ROOT / "build_installer.spec")],
                                cwd=ROOT, capture_output=True, text=True, timeout=1200)
        assert result.returncode == 0, result.stderr[-4000:]
    return program


def _run(program: Path, *args, cwd: Path, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KT1DESK_", "PYTHON", "VIRTUAL_ENV"))}
    env["KT1DESK_PASSWORD"] = "bundle-pass-1"
    env |= {"QT_QPA_PLATFORM": "offscreen", "HOME": str(cwd), "XDG_DATA_HOME": str(cwd / "data"),
            "XDG_CONFIG_HOME": str(cwd / "config"), "XDG_CONFIG_DIRS": str(cwd / "etc")}
    return subprocess.run([str(a) for a in (program, *args)], capture_output=True, text=True, encoding="utf-8",
                          env=env, cwd=cwd, stdin=subprocess.DEVNULL, timeout=timeout)


def test_the_built_program_carries_what_it_needs_and_nothing_it_does_not(bundle):
    inside = bundle / "_internal"
    for needed in ("kt1desk/resources/fonts/DejaVuSans.ttf", "kt1desk/resources/fonts/LICENSE-DejaVu.txt",
                   "kt1desk/resources/translations/kt1desk_en.qm", "kt1desk/resources/translations/qtbase_vi.qm",
                   "kt1desk/resources/sample/agencies_daklak.csv", "kt1desk/resources/sample/tariff_sample.csv",
                   "kt1desk/ui/intake_page.ui", "kt1desk/ui/settings_dialog.ui"):
        assert (inside / needed).is_file(), needed
    names = {p.name for p in inside.rglob("*")}
    for unused in ("QtNetwork.abi3.so", "QtOpenGL.abi3.so", "QtDBus.abi3.so", "QtWebEngineCore.abi3.so",
                   "libqgtk3.so", "libqwayland.so", "libqeglfs.so", "psycopg", "waitress", "pytest"):
        assert unused not in names, unused
    assert (bundle / "kt1desk").is_file() and (bundle / "kt1desk-cli").is_file()


def test_the_built_program_starts_offscreen_on_a_fresh_database_and_prints_a_label(bundle, tmp_path):
    from test_paper_support import codes, plumber_pages, rasters

    from kt1desk.qt.main_window import PAGES  # every page, the reports' (matplotlib) included

    result = _run(bundle / "kt1desk-cli", "--lang", "en", "selftest", "--work", tmp_path / "st", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for check in ("database", "label", "translations", "6 forms", "main window (offscreen)", f"{len(PAGES)} pages", "report", "audit verify on worker"):
        assert f"ok  {check}" in result.stdout, result.stdout
    db = tmp_path / "st" / "selftest.sqlite3"
    conn = sqlite3.connect(db)
    try:
        first = conn.execute("SELECT id FROM items ORDER BY rowid LIMIT 1").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 3
    finally:
        conn.close()
    pdf = tmp_path / "st" / "label.pdf"
    assert first in plumber_pages(pdf.read_bytes())[0].replace(" ", "")
    assert codes(rasters(pdf.read_bytes())[0]) == [first]  # the bundled fonts and bars, read back
    # The window program itself (no console on Windows) runs the same commands.
    made = _run(bundle / "kt1desk", "--db", tmp_path / "w" / "kt1.sqlite3", "demo", "--items", "2", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    label = _run(bundle / "kt1desk", "--db", tmp_path / "w" / "kt1.sqlite3", "label", first, "--user", "gdv1", "--out",
                 tmp_path / "w" / "l.pdf", cwd=tmp_path)
    assert label.returncode == 0 and (tmp_path / "w" / "l.pdf").stat().st_size > 1000, label.stderr
