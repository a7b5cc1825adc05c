"""Issue 8, through the command line where each defect was found: no traceback, no wrong value stored,
a message and an exit status of its own for every storage failure, the data for its owner only."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from test_cli import PASSWORD, count, db, demo_template, digest, run  # noqa: F401 (fixtures)

INIT = ["init", "--office-code", "BDX", "--office-name", "Bưu điện X", "--province", "Đắk Lắk", "--admin", "admin"]


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.split("\n")[0], result.stderr


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()


# -- 1. the data for its owner only -------------------------------------------------

def test_the_database_and_its_folder_are_the_owners_only(tmp_path):
    folder = tmp_path / "new" / "office"
    db = folder / "kt1.sqlite3"
    run(*INIT, db=db, check=0)
    run("intake", "--user", "admin", "--sender", "X", "--recipient", "Y", "--kind", "thu", "--weight", "20", db=db)
    assert mode(folder) == 0o700  # made here: the program's own
    for path in [db] + [Path(str(db) + s) for s in ("-wal", "-shm") if Path(str(db) + s).exists()]:
        assert mode(path) == 0o600, path
    # A database made world-readable by hand (or by an older version) is put right at the next open.
    os.chmod(db, 0o644)
    run("counter", "list", db=db, check=0)
    assert mode(db) == 0o600


def test_the_default_folder_is_the_owners_only(tmp_path):
    home = tmp_path / "data"
    run(*INIT, env={"XDG_DATA_HOME": str(home)}, check=0)
    folder = home / "KT1Desk"
    assert mode(folder) == 0o700 and mode(folder / "kt1desk.sqlite3") == 0o600
    os.chmod(folder, 0o755)
    run("counter", "list", env={"XDG_DATA_HOME": str(home)}, check=0)
    assert mode(folder) == 0o700


# -- 2. storage failures: a message, an exit status of its own, nothing written -----------

def _damaged(tmp_path: Path, demo: Path) -> Path:
    path = tmp_path / "damaged.sqlite3"
    conn = sqlite3.connect(demo)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(demo.read_bytes())
    page = 4096
    for k in range(3 * page, len(data) - page, 7 * page):  # scribble over pages of the items' b-trees
        data[k + 100:k + 400] = os.urandom(300)
    path.write_bytes(bytes(data))
    return path


def _truncated(tmp_path: Path, demo: Path) -> Path:
    path = tmp_path / "half.sqlite3"
    conn = sqlite3.connect(demo)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = demo.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


STORAGE_CASES = [
    # (name, make the path, exit status, words of the message)
    ("a folder", lambda t, d: (t / "folder").mkdir() or t / "folder", 10, "thư mục"),
    ("/dev/null", lambda t, d: Path("/dev/null"), 10, "không phải tệp thường"),
    ("a text file", lambda t, d: (t / "x.txt").write_text("hello " * 200) and t / "x.txt", 10,
     "không phải cơ sở dữ liệu"),
    ("an empty file", lambda t, d: (t / "empty.sqlite3").write_bytes(b"") or t / "empty.sqlite3", 10,
     "khôi phục bản sao lưu"),
    ("a path under a file", lambda t, d: (t / "file").write_text("x") and t / "file" / "kt1.sqlite3", 14,
     "không phải thư mục"),
    ("half a file", _truncated, 11, "khôi phục bản sao lưu"),
    ("a damaged file", _damaged, 11, "khôi phục bản sao lưu"),
]


@pytest.mark.parametrize("name, make, code, words", STORAGE_CASES, ids=[c[0] for c in STORAGE_CASES])
def test_a_database_that_cannot_be_used_gets_a_message_and_its_exit_status(tmp_path, demo_template, name, make,
                                                                          code, words):
    path = make(tmp_path, demo_template)
    before = file_bytes(path) if path.is_file() else None
    for argv in (["search", "tinh"], ["intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "STC",
                                      "--kind", "thu", "--weight", "20"], INIT):
        result = run(*argv, db=path)
        no_traceback(result)
        assert result.returncode == code, (argv, result.stderr)
        assert words in result.stderr, result.stderr
        if before is not None:
            assert file_bytes(path) == before  # never written to
    english = run("search", "tinh", "--lang", "en", db=path)
    assert english.returncode == code and english.stderr.strip() and "Traceback" not in english.stderr


def test_a_zero_byte_file_is_never_taken_for_a_new_office(tmp_path):
    empty = tmp_path / "kt1.sqlite3"
    empty.write_bytes(b"")
    result = run(*INIT, db=empty)
    assert result.returncode == 10 and "0 byte" in result.stderr
    assert empty.stat().st_size == 0


def test_a_write_waits_for_another_counters_lock_says_so_and_never_fails_with_a_traceback(db):
    before = count(db, "SELECT COUNT(*) FROM items")
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    argv = ("intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "STC", "--kind", "thu", "--weight", "20")
    try:
        # Held longer than the wait: a clear message, its own exit status, nothing lost.
        gave_up = run(*argv, db=db, env={"KT1DESK_WRITE_WAIT": "2"})
        assert gave_up.returncode == 12, gave_up.stderr
        assert "Đang chờ quầy khác ghi xong" in gave_up.stderr and "bận" in gave_up.stderr
        no_traceback(gave_up)
        # Released while it waits: the intake goes through.
        import subprocess
        import sys

        from test_cli import ROOT
        env = {k: v for k, v in os.environ.items() if not k.startswith("KT1DESK_")} | {
            "PYTHONPATH": str(ROOT), "KT1DESK_PASSWORD": PASSWORD, "KT1DESK_WRITE_WAIT": "60"}
        child = subprocess.Popen([sys.executable, "-m", "kt1desk", "--db", str(db), *argv], env=env, text=True,
                                 encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL)
        said = child.stderr.readline()  # the login waits too: the first thing it says is that it waits
        holder.execute("COMMIT")
        out, err = child.communicate(timeout=60)
        assert "Đang chờ quầy khác ghi xong" in said and child.returncode == 0, (said, err)
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    assert count(db, "SELECT COUNT(*) FROM items") == before + 1


# -- 4. init and demo: all or nothing -----------------------------------------------------

@pytest.mark.parametrize("bad", [["--admin", "no spaces!"], ["--serial-block", "10000000-9"],
                                 ["--service-indicator", "KA"]])
def test_a_refused_init_leaves_nothing_and_init_works_next(tmp_path, bad):
    db = tmp_path / "kt1.sqlite3"
    result = run(*INIT, *bad, db=db, check=2)
    no_traceback(result)
    assert count(db, "SELECT COUNT(*) FROM office") == 0
    assert count(db, "SELECT COUNT(*) FROM counters") == 0 and count(db, "SELECT COUNT(*) FROM users") == 0
    run(*INIT, db=db, check=0)
    run("counter", "list", "--user", "admin", db=db, check=0)


def _has_office_table(db: Path) -> bool:
    if not db.exists() or db.stat().st_size == 0:
        return False
    try:
        return count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'office'") == 1
    except sqlite3.Error:
        return False


def test_an_interrupted_demo_leaves_an_empty_database(tmp_path):
    db = tmp_path / "kt1.sqlite3"
    # Killed half way (the history of 20,000 items takes a while): nothing of it stays.
    import subprocess
    import sys

    from test_cli import ROOT
    env = {k: v for k, v in os.environ.items() if not k.startswith("KT1DESK_")} | {
        "PYTHONPATH": str(ROOT), "KT1DESK_PASSWORD": PASSWORD}
    child = subprocess.Popen([sys.executable, "-m", "kt1desk", "--db", str(db), "demo", "--items", "20000"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _has_office_table(db):  # migrations done, the demo under way
        time.sleep(0.05)
    time.sleep(1.0)
    assert child.poll() is None, "the demo ended before it could be interrupted"
    child.kill()
    child.wait()
    assert count(db, "SELECT COUNT(*) FROM office") == 0 and count(db, "SELECT COUNT(*) FROM items") == 0
    run("demo", "--items", "5", db=db, check=0)


# -- 5, 6. bad input: never stored, never a traceback ----------------------------------------

def _csv(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BACK = "accepted_at,sender,recipient,kind,weight_g,pieces,secrecy,seal_intact,hoa_toc,hen_gio_at\n"
ITEM = ["intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "STC", "--kind", "thu"]
BAD_INPUT = [
    # (argv, files to make {name: text}, words in the message)
    (ITEM + ["--weight", "1..5"], {}, "Khối lượng"),
    (ITEM + ["--weight", "1.2.3"], {}, "Khối lượng"),
    (ITEM + ["--weight", "٢٥٠"], {}, "Khối lượng"),
    (ITEM + ["--weight", "２５０"], {}, "Khối lượng"),
    (ITEM + ["--weight", "20", "--pieces", "٢"], {}, "Số kiện"),
    (ITEM + ["--weight", "20", "--hen-gio", "9999-12-31 23:59"], {}, "Hẹn giờ"),
    (ITEM + ["--weight", "20", "--hen-gio", "2027-06-01 10:00"], {}, "30 ngày"),
    (["intake", "--user", "giamsat", "--sender", "TUDLK", "--recipient", "STC", "--kind", "thu", "--weight", "20",
      "--accepted-at", "0001-01-01T00:00:00+14:00"], {}, "Thời điểm nhận"),
    (["manifest", "--date", "9999-12-31", "--user", "gdv1", "--out", "m.pdf"], {}, "9999-12-31"),
    (["search", "tinh", "--limit", str(10**30)], {}, "1 đến 1000"),
    (["search", "tinh", "--limit", "0"], {}, "1 đến 1000"),
    (["tariff", "import", "{t}/t.csv", "--user", "giamsat"],
     {"t.csv": "rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,20,1000.5,2000\nhoa_toc,,1,1\nhen_gio,,1,1\n"
               "secrecy,,1,1\n"}, "1000.5"),
    (["tariff", "import", "{t}/t.csv", "--user", "giamsat"],
     {"t.csv": f"rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,20,{10**30},2000\nhoa_toc,,1,1\nhen_gio,,1,1\n"
               "secrecy,,1,1\n"}, "quá lớn"),
    (["tariff", "import", "{t}/t.csv", "--user", "giamsat"],
     {"t.csv": "rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,20,1000,2000\nhoa_toc,,1,1\nhen_gio,,1,1\n"
               "secrecy,,1,1\nhoa_toc,,5,5\n"}, "hai lần"),
    (["import-items", "{t}/b.csv", "--user", "giamsat"],
     {"b.csv": BACK + "2026-11-01 08:00,TUDLK,STC,thu,20,,,,maybe,\n"}, "có/không"),
    (["import-items", "{t}/b.csv", "--user", "giamsat"],
     {"b.csv": BACK + "2026-11-01 08:00,TUDLK,STC,thu,20,,C,maybe,,\n"}, "có/không"),
    (["import-items", "{t}/b.csv", "--user", "giamsat"],
     {"b.csv": BACK + "2026-11-01 08:00,TUDLK,STC,thu," + "9" * (129 * 1024) + ",,,,,\n"}, "dòng 2"),
    (["agency", "import", "/dev/zero", "--user", "giamsat"], {}, "tệp thường"),
    (["agency", "import", "{t}/a.csv", "--user", "giamsat"],
     {"a.csv": "code,name,appendix,province\nHNX,Sở Mới,II,Hà N\u202eội\n"}, "U+202E"),
    (["agency", "import", "{t}/a.csv", "--user", "giamsat"],
     {"a.csv": "code,name,appendix,province\nHNX,Sở\u200b Mới,II,Hà Nội\n"}, "U+200B"),
    (["agency", "import", "{t}/a.csv", "--user", "giamsat"],
     {"a.csv": "code,name,appendix,province\nHNX,Sở\x00 Mới,II,Hà Nội\n"}, "dòng 2"),
    (["agency", "import", "{t}/a.csv", "--user", "giamsat"],
     {"a.csv": "code,name,appendix,province,successor_code\nHNX,Sở Mới,II,Hà Nội,HNX\n"}, "chính nó"),
    (["agency", "import", "{t}/a.csv", "--user", "giamsat"],
     {"a.csv": "code,name,appendix,province,valid_from,valid_to\nHNX,Sở Mới,II,Hà Nội,2026-05-01,2026-04-01\n"},
     "không được trước"),
    (["setting", "set", "vat_percent", "1e3", "--user", "giamsat"], {}, "vat_percent"),
    (["setting", "set", "cutoff_time", "25:00", "--user", "giamsat"], {}, "cutoff_time"),
]


def test_bad_input_is_refused_with_a_message_never_stored_never_a_traceback(db, tmp_path):
    before = digest(db)
    jobs = []
    for k, (argv, files, words) in enumerate(BAD_INPUT):
        folder = tmp_path / str(k)
        folder.mkdir()
        for name, text in files.items():
            _csv(folder, name, text)
        jobs.append(([a.replace("{t}", str(folder)) for a in argv], words))
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: run(*job[0], db=db, cwd=tmp_path), jobs))
    for (argv, words), result in zip(jobs, results):
        no_traceback(result)
        assert result.returncode == 2, (argv, result.returncode, result.stderr)
        assert words in result.stderr, (argv, result.stderr)
    assert digest(db) == before
    assert not (tmp_path / "m.pdf").exists()


def test_a_password_that_is_not_utf8_is_refused_in_words(db):
    before = digest(db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KT1DESK_")}
    import subprocess
    import sys

    from test_cli import ROOT
    environb = {os.fsencode(k): os.fsencode(v) for k, v in env.items()}
    environb[b"PYTHONPATH"] = os.fsencode(str(ROOT))
    environb[b"KT1DESK_PASSWORD"] = b"cli-pass-\xff\xfe"
    result = subprocess.run([sys.executable, "-m", "kt1desk", "--db", str(db), "counter", "add-block", "Q01",
                             "30000000-30000999", "--user", "admin"],
                            env=environb, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2 and "UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert digest(db) == before


# -- 7. the lockout cannot be beaten in parallel --------------------------------------------

def test_twelve_wrong_passwords_at_once_are_not_all_checked(db):
    argv = ("counter", "add-block", "Q01", "30000000-30000999", "--user", "admin")
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(lambda k: run(*argv, db=db, password=f"guess-{k}"), range(12)))
    assert [r.returncode for r in results] == [2] * 12
    # One message for all, locked or not (a process that waited for another's check also says it waited).
    messages = {r.stderr.strip().splitlines()[-1] for r in results}
    assert len(messages) == 1
    checked = count(db, "SELECT COUNT(*) FROM journal WHERE action = 'user.login_failed'")
    assert checked == 3  # the free attempts; the other nine were refused unchecked
    assert count(db, "SELECT failed_logins FROM users WHERE login = 'admin'") == 3
    unknown = run(*argv[:-1], "nobody", db=db)
    assert unknown.returncode == 2 and unknown.stderr.strip().splitlines()[-1] in messages


def test_right_passwords_at_once_all_log_in(db):
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _k: run("counter", "list", "--user", "gdv1", db=db), range(6)))
    assert [r.returncode for r in results] == [0] * 6
    assert count(db, "SELECT failed_logins FROM users WHERE login = 'gdv1'") == 0


# -- KT1 rules at the command line ---------------------------------------------------------------

def test_vat_cut_off_and_former_names_at_the_command_line(db, tmp_path):
    import json

    shown = json.loads(run(*ITEM, "--weight", "20", "--hoa-toc", "--json", db=db, check=0).stdout)
    assert shown["vat_rate_bp"] == 1000 and shown["total_vnd"] == shown["fee_vnd"] + shown["vat_vnd"]
    assert shown["deadline_rule"] == "acceptance-day"
    run("setting", "set", "vat_percent", "8", "--effective-from", "2020-01-01", "--user", "giamsat", db=db, check=0)
    later = json.loads(run(*ITEM, "--weight", "20", "--hoa-toc", "--json", db=db, check=0).stdout)
    assert later["vat_rate_bp"] == 800 and later["fee_vnd"] == shown["fee_vnd"]
    again = json.loads(run("show", shown["id"], "--json", db=db, check=0).stdout)
    assert (again["vat_rate_bp"], again["vat_vnd"]) == (1000, shown["vat_vnd"])  # history is not rewritten
    text = run("show", shown["id"], db=db, check=0).stdout
    assert "chưa VAT" in text and "VAT 10%" in text
    # A renamed agency is found by its former name (after the 2025 merger senders write old names).
    renamed = _csv(tmp_path, "a.csv", "code,name,appendix,province\nSTC,Sở Kế hoạch và Ngân sách Đắk Lắk,II,Đắk Lắk\n")
    run("agency", "import", renamed, "--user", "giamsat", db=db, check=0)
    by_old = json.loads(run("agency", "find", "Sở Tài chính", "--json", db=db, check=0).stdout)
    assert [a["code"] for a in by_old] == ["STC"] and by_old[0]["former_names"] == ["Sở Tài chính"]
    assert "tên cũ: Sở Tài chính" in run("agency", "find", "so tai chinh", db=db, check=0).stdout


def test_check_says_a_sound_database_is_intact(db):
    assert "nguyên vẹn" in run("check", db=db, check=0).stdout
    assert "intact" in run("check", "--lang", "en", db=db, check=0).stdout
