"""The command line, run for real as a subprocess: the contract other tools and tests rely on."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kt1desk.clock import VN_TZ
from kt1desk.paths import resource

PASSWORD = "cli-pass-123"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")
ROOT = Path(__file__).resolve().parent.parent


def run(*args, db=None, env=None, password=PASSWORD, check=None, cwd=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KT1DESK_")}
    environment["PYTHONPATH"] = str(ROOT)
    environment["QT_QPA_PLATFORM"] = "offscreen"
    if password is not None:
        environment["KT1DESK_PASSWORD"] = password
    environment.update(env or {})
    command = [sys.executable, "-m", "kt1desk"] + (["--db", str(db)] if db else []) + [str(a) for a in args]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=environment,
                            stdin=subprocess.DEVNULL, timeout=60, cwd=cwd)
    if check is not None:
        assert result.returncode == check, (result.stdout, result.stderr)
    return result


def digest(db: Path) -> str:
    """Everything stored, as one hash: 'the database is unchanged' means this is unchanged."""
    conn = sqlite3.connect(db)
    try:
        h = hashlib.sha256()
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            if sql and sql.upper().startswith("CREATE VIRTUAL TABLE"):
                continue
            h.update(name.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')):
                h.update(row.encode())
        return h.hexdigest()
    finally:
        conn.close()


def count(db: Path, sql: str):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    result = run("demo", "--items", "20", db=db, check=0)
    assert "BDDLK" in result.stdout and "20" in result.stdout
    assert PASSWORD not in result.stdout  # the password came from the environment: not printed
    return db


@pytest.fixture
def db(demo_template, tmp_path) -> Path:
    copy = tmp_path / "kt1.sqlite3"
    shutil.copy(demo_template, copy)
    for suffix in ("-wal", "-shm"):
        if Path(str(demo_template) + suffix).exists():
            shutil.copy(str(demo_template) + suffix, str(copy) + suffix)
    return copy


def intake_json(db, *args, user="gdv1", check=0):
    result = run("intake", "--user", user, *args, "--json", db=db, check=check)
    return json.loads(result.stdout) if check == 0 else result


def test_demo_makes_a_ready_database_and_refuses_to_run_twice(demo_template, db):
    assert count(db, "SELECT COUNT(*) FROM items") == 20
    assert count(db, "SELECT COUNT(*) FROM users") == 3
    assert count(db, "SELECT COUNT(*) FROM agencies") >= 40
    before = digest(db)
    again = run("demo", db=db, check=2)
    assert "BDDLK" in again.stderr
    assert digest(db) == before


def test_demo_prints_a_password_when_none_is_set(tmp_path):
    result = run("demo", "--items", "1", db=tmp_path / "d.sqlite3", password=None, check=0)
    assert "kt1demo" in result.stdout


def test_intake_json_contract(db):
    item = intake_json(db, "--sender", "TUDLK", "--recipient", "VPCP", "--kind", "thu", "--weight", "20")
    for key in ("id", "accepted_at", "deadline", "scope", "fee_vnd", "status"):
        assert key in item, key
    assert re.fullmatch(r"DK\d{9}VN", item["id"])
    assert ISO.match(item["accepted_at"]) and ISO.match(item["deadline"])
    accepted = datetime.fromisoformat(item["accepted_at"])
    assert abs((accepted - datetime.now(accepted.tzinfo)).total_seconds()) < 120
    assert datetime.fromisoformat(item["deadline"]) > accepted
    assert (item["scope"], item["status"], item["fee_vnd"]) == ("lien-tinh", "accepted", 10000)
    assert count(db, f"SELECT COUNT(*) FROM items WHERE id = '{item['id']}'") == 1
    local = intake_json(db, "--sender", "CAT", "--recipient", "STC", "--kind", "kien", "--weight", "1,5 kg",
                        "--pieces", "2", "--secrecy", "B", "--hoa-toc")
    assert (local["scope"], local["fee_vnd"], local["free_reason"], local["secrecy"], local["hoa_toc"],
            local["immediate_dispatch"], local["weight_g"], local["pieces"]) == \
        ("noi-tinh", 0, "appendix-I", "B", True, True, 1500, 2)


def test_intake_text_output_and_options_after_the_command(db):
    result = run("intake", "--sender", "TUDLK", "--recipient", "STC", "--kind", "goi", "--weight", "480",
                 "--user", "gdv1", "--db", db, "--lang", "en", check=0)
    assert "Sở Tài chính" in result.stdout and "Fee: 22,000 VND" in result.stdout
    vi = run("--user", "gdv1", "intake", "--sender", "TUDLK", "--recipient", "STC", "--kind", "goi", "--weight",
             "480", db=db, check=0)
    assert "Cước: 22.000 đ" in vi.stdout and "nội tỉnh" in vi.stdout


BAD_INPUT = [
    (["--weight", "0"], "Khối lượng", "Weight"),
    (["--weight", "31000"], "Khối lượng", "Weight"),
    (["--kind", "hop"], "Loại", "Kind"),
    (["--sender", "NOPE"], "Cơ quan gửi", "Sender"),
    (["--pieces", "0"], "Số kiện", "Pieces"),
    (["--secrecy", "D"], "Độ mật", "Secrecy"),
    (["--hoa-toc", "--hen-gio", "2099-01-01 10:00"], "Hẹn giờ", "Hẹn giờ"),
]


def test_bad_input_exits_2_names_the_field_and_writes_nothing(db):
    from concurrent.futures import ThreadPoolExecutor

    def argv_for(args):
        base = {"--sender": "TUDLK", "--recipient": "STC", "--kind": "thu", "--weight": "20"}
        extra, it = [], iter(args)
        for a in it:
            if a in base:
                base[a] = next(it)
            else:
                extra.append(a)
        return ["intake", "--user", "gdv1"] + [x for kv in base.items() for x in kv] + extra

    before = digest(db)
    # Every field's message is checked in-process (test_intake); here a few, through the real command.
    chosen = [BAD_INPUT[i] for i in (0, 2, 3, 6)]
    runs = [(argv_for(args), word) for args, word, _ in chosen]
    runs += [(argv_for(args) + ["--lang", "en"], word) for args, _, word in chosen[:2]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda r: run(*r[0], db=db), runs))
    for (argv, word), result in zip(runs, results):
        assert result.returncode == 2, (argv, result.stderr)
        assert word in result.stderr, (argv, result.stderr)
        assert result.stdout == ""
    assert "Weight must be" in results[len(chosen)].stderr
    assert "Khối lượng phải" in results[0].stderr
    assert digest(db) == before


def test_a_refused_broken_seal_exits_3_and_only_the_refusal_is_recorded(db):
    items_before = count(db, "SELECT COUNT(*) FROM items")
    result = run("intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "VPCP", "--kind", "thu",
                 "--weight", "20", "--secrecy", "A", "--seal-broken", "--presented-by", "Lê Văn Tám", "--json",
                 db=db, check=3)
    assert "niêm phong" in result.stderr and result.stdout == ""
    assert count(db, "SELECT COUNT(*) FROM items") == items_before
    assert count(db, "SELECT presented_by FROM refusals ORDER BY id DESC LIMIT 1") == "Lê Văn Tám"
    en = run("intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "VPCP", "--kind", "thu", "--weight",
             "20", "--secrecy", "C", "--seal-broken", "--presented-by", "Lê Văn Tám", "--lang", "en", db=db, check=3)
    assert "refused" in en.stderr


def test_the_password_comes_from_the_environment_never_argv(db):
    before = digest(db)
    args = ["intake", "--user", "gdv1", "--sender", "TUDLK", "--recipient", "STC", "--kind", "thu", "--weight", "20"]
    no_option = run(*args, "--password", PASSWORD, db=db)
    assert no_option.returncode == 2 and "--password" in no_option.stderr
    missing = run(*args, db=db, password=None, check=2)
    assert "KT1DESK_PASSWORD" in missing.stderr
    wrong = run(*args, db=db, password="wrong-pass", check=2)
    assert "mật khẩu" in wrong.stderr
    assert count(db, "SELECT COUNT(*) FROM items") == 20
    assert digest(db) != before  # the wrong password was counted...
    assert count(db, "SELECT failed_logins FROM users WHERE login = 'gdv1'") == 1  # ...and nothing else


def test_show_and_search(db):
    item = intake_json(db, "--sender", "STC", "--recipient", "TUKH", "--kind", "thu", "--weight", "20")
    typed = f"{item['id'][:2].lower()} {item['id'][2:6]} {item['id'][6:].lower()}"
    shown = json.loads(run("show", typed, "--json", db=db, check=0).stdout)
    assert shown["id"] == item["id"] and shown["recipient_name"] == "Tỉnh ủy Khánh Hòa"
    assert [(e["kind"], e["user_login"]) for e in shown["events"]] == [("accepted", "gdv1")]
    text = run("show", item["id"], db=db, check=0).stdout
    assert item["id"] in text and "Tỉnh ủy Khánh Hòa" in text
    missing = run("show", "DK999999999VN", db=db, check=2)
    assert "DK999999999VN" in missing.stderr
    found = json.loads(run("search", "khanh hoa", "--json", db=db, check=0).stdout)
    assert found[0]["id"] == item["id"]
    found = json.loads(run("search", "TỈNH ỦY", "--json", db=db, check=0).stdout)
    assert item["id"] in [f["id"] for f in found]
    assert json.loads(run("search", typed, "--json", db=db, check=0).stdout)[0]["id"] == item["id"]


def test_import_items_back_entry(db, tmp_path):
    good = tmp_path / "paper.csv"
    yesterday = (datetime.now(VN_TZ) - timedelta(days=1)).date().isoformat()
    good.write_text("accepted_at,sender,recipient,kind,weight_g\n"
                    f"{yesterday} 08:00,TUDLK,STC,thu,20\n{yesterday} 08:05,CAT,VPCP,goi,250\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("accepted_at,sender,recipient,kind,weight_g\n2026-01-01 08:00,TUDLK,STC,thu,20\n"
                   "x,NOPE,STC,thu,0\n", encoding="utf-8")
    before = digest(db)
    refused = run("import-items", bad, "--user", "giamsat", db=db, check=2)
    assert "dòng 2" in refused.stderr and "dòng 3" in refused.stderr
    assert "line 3" in run("import-items", bad, "--user", "giamsat", "--lang", "en", db=db, check=2).stderr
    clerk = run("import-items", good, "--user", "gdv1", db=db, check=2)
    assert "kiểm soát viên" in clerk.stderr
    assert digest(db) == before
    done = run("import-items", good, "--user", "giamsat", db=db, check=0)
    ids = re.findall(r"DK\d{9}VN", done.stdout)
    assert len(ids) == 2
    assert count(db, "SELECT COUNT(*) FROM items WHERE back_entry = 1") == 2


def test_init_agency_and_tariff_commands(tmp_path):
    db = tmp_path / "new.sqlite3"
    said = run("init", "--office-code", "bdkh", "--office-name", "Bưu điện tỉnh Khánh Hòa", "--province",
               "Khánh Hòa", "--admin", "quantri", "--sample-tariff", db=db, check=0).stdout
    assert "bảng cước MẪU" in said and "kt1desk agency import" in said
    assert count(db, "SELECT code FROM office") == "BDKH"
    assert count(db, "SELECT role FROM users WHERE login = 'quantri'") == "admin"
    assert json.loads(run("agency", "list", "--json", db=db, check=0).stdout) == []
    run("agency", "import", resource("sample/agencies_daklak.csv"), "--user", "quantri", db=db, check=0)
    listed = json.loads(run("agency", "list", "--json", db=db, check=0).stdout)
    assert len(listed) >= 40 and "name_fold" not in listed[0]
    assert {"VPCP", "TUDLK"} <= {a["code"] for a in listed}
    shown = json.loads(run("tariff", "show", "--json", db=db, check=0).stdout)
    assert shown["is_sample"] is True and shown["bands"][0] == {"max_weight_g": 20, "noi_tinh_vnd": 8000,
                                                                "lien_tinh_vnd": 10000}
    new = tmp_path / "t.csv"
    new.write_text("rule,max_weight_g,noi_tinh_vnd,lien_tinh_vnd\nband,30000,5000,9000\nhoa_toc,,1,2\n"
                   "hen_gio,,3,4\nsecrecy,,5,6\n", encoding="utf-8")
    today = datetime.now(VN_TZ).date().isoformat()
    run("tariff", "import", new, "--effective-from", today, "--user", "quantri", db=db, check=0)
    shown = json.loads(run("tariff", "show", "--json", db=db, check=0).stdout)
    assert shown["effective_from"] == today and shown["is_sample"] is False
    assert shown["bands"] == [{"max_weight_g": 30000, "noi_tinh_vnd": 5000, "lien_tinh_vnd": 9000}]
    assert shown["surcharges"]["secrecy"] == {"noi_tinh_vnd": 5, "lien_tinh_vnd": 6}
    # Bad files: exit 2, line named, nothing written.
    broken = tmp_path / "broken.csv"
    broken.write_text("code,name,appendix,province\nOK1,Được,II,Khánh Hòa\nBAD,Sai,V,Khánh Hòa\n", encoding="utf-8")
    before = digest(db)
    result = run("agency", "import", broken, "--user", "quantri", db=db, check=2)
    assert "dòng 3" in result.stderr and "Phụ lục" in result.stderr
    result = run("tariff", "import", broken, "--user", "quantri", db=db, check=2)
    assert "max_weight_g" in result.stderr
    assert digest(db) == before
    # The office's own province decides nội/liên tỉnh.
    run("user", "add", "gdv", "--full-name", "Giao dịch viên", "--role", "clerk", "--user", "quantri", db=db,
        env={"KT1DESK_NEW_PASSWORD": "gdv-pass-1"}, check=0)
    item = json.loads(run("intake", "--user", "gdv", "--sender", "TUKH", "--recipient", "TUDLK", "--kind", "thu",
                          "--weight", "20", "--json", db=db, password="gdv-pass-1", check=0).stdout)
    assert (item["scope"], item["fee_vnd"]) == ("lien-tinh", 9000)


def test_init_without_a_tariff_says_so_and_loads_none(tmp_path):
    db = tmp_path / "new.sqlite3"
    said = run("init", "--office-code", "bdkh", "--office-name", "Bưu điện tỉnh Khánh Hòa", "--province", "Khánh Hòa",
               "--admin", "quantri", db=db, check=0).stdout
    assert "Chưa có bảng cước" in said and "kt1desk tariff import" in said
    assert count(db, "SELECT COUNT(*) FROM tariffs") == 0
    # The shipped sample, loaded under another name, is still a sample; it starts early enough for back-entries.
    copy = tmp_path / "bang_cuoc_2026.csv"
    copy.write_bytes(Path(resource("sample/tariff_sample.csv")).read_bytes())
    run("tariff", "import", copy, "--user", "quantri", db=db, check=0)
    shown = json.loads(run("tariff", "show", "--json", db=db, check=0).stdout)
    assert shown["is_sample"] is True
    assert shown["effective_from"] < datetime.now(VN_TZ).date().isoformat()


def test_an_empty_database_says_to_initialise(tmp_path):
    result = run("intake", "--user", "gdv1", "--sender", "A", "--recipient", "B", "--kind", "thu", "--weight", "1",
                 db=tmp_path / "empty.sqlite3", check=2)
    assert "kt1desk init" in result.stderr


def test_kt1desk_db_picks_the_database(db, tmp_path):
    result = run("search", "khanh hoa", "--json", env={"KT1DESK_DB": str(db)}, cwd=tmp_path, check=0)
    assert isinstance(json.loads(result.stdout), list)
    result = run("show", "--help", check=0)
    assert "--json" in result.stdout
