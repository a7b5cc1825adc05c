"""A full disk during intake loses no accepted item: shown on a real file system that fills up (a tiny
tmpfs in a private mount namespace made with ``unshare``, so nothing is mounted on the machine)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _namespace_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt 2>/dev/null || "
                            "mount -t tmpfs -o size=1m tmpfs /tmp"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespace_works() and not os.environ.get("CI"),
                    reason="needs unshare and a private tmpfs mount (util-linux, user namespaces)")
def test_a_full_disk_during_intake_loses_no_accepted_item(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = f'mount -t tmpfs -o size=3m tmpfs "{folder}" && exec "{sys.executable}" "{ROOT / "tests" / "full_disk_child.py"}" "{folder}"'
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, env=env,
                            timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["error"]["code"] == "db_disk_full" and facts["error"]["exit"] == 13
    assert "đầy" in facts["error"]["text"]
    assert len(facts["returned"]) > 0
    assert facts["missing"] == []  # every intake that returned is there
    assert facts["stored"] == facts["events"] == facts["issued"] == len(facts["returned"])  # nothing half-written
    assert facts["quick_check"] == "ok"
    assert facts["backup_error"]["code"] == "backup_failed" and "full" in facts["backup_error"]["text"]
    assert facts["parts_left"] == []
    assert int(facts["after"][2:10]) == int(facts["returned"][-1][2:10]) + 1  # no id lost, none twice
