"""Where the shipped resources are: beside the package when installed, at the repository root in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    for candidate in (_HERE / "resources", _HERE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources/ not found beside kt1desk")


def resource(relative: str) -> Path:
    return resources_dir() / relative


def ui_file(name: str) -> Path:
    for candidate in (_HERE / "ui" / name, _HERE.parent / "ui" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(name)
