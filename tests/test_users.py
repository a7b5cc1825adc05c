"""Named users: argon2id hashes, roles checked by the services, wrong passwords slowed down, inactive refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher

from conftest import PASSWORD
from kt1desk.errors import FieldErrors, Kt1Error
from kt1desk.services import agencies, backentry, calendar, intake, office, settings, tariff, users
from kt1desk.services.users import authenticate, lockout_seconds


def test_passwords_are_stored_as_argon2id_hashes(demo_store):
    rows = demo_store.all("SELECT login, password_hash FROM users")
    assert len(rows) == 3
    for row in rows:
        assert row["password_hash"].startswith("$argon2id$")
        assert PASSWORD not in row["password_hash"]
        assert PasswordHasher().verify(row["password_hash"], PASSWORD)
    assert len({r["password_hash"] for r in rows}) == 3  # salted


def test_the_right_password_logs_in_with_the_role(demo_store):
    user = authenticate(demo_store, "giamsat", PASSWORD)
    assert (user.login, user.role, user.full_name) == ("giamsat", "supervisor", "Trần Thị Bích Ngọc")
    assert authenticate(demo_store, " gdv1 ", PASSWORD).role == "clerk"


def test_unknown_login_and_wrong_password_say_the_same(demo_store):
    with pytest.raises(Kt1Error) as unknown:
        authenticate(demo_store, "nobody", PASSWORD)
    with pytest.raises(Kt1Error) as wrong:
        authenticate(demo_store, "gdv1", "not-the-password")
    assert unknown.value.code == wrong.value.code == "login_failed"
    assert unknown.value.text("vi") == wrong.value.text("vi")


def test_lockout_grows_with_each_wrong_password():
    assert [lockout_seconds(n, 3) for n in range(0, 3)] == [0, 0, 0]
    waits = [lockout_seconds(n, 3) for n in range(3, 12)]
    assert waits[:4] == [5, 10, 20, 40]
    assert all(a <= b for a, b in zip(waits, waits[1:]))
    assert max(waits) == 300 and lockout_seconds(50, 3) == 300


def test_wrong_passwords_are_counted_and_lock_the_account_for_a_growing_wait(demo_store, frozen_now):
    start = frozen_now()
    for _ in range(3):
        with pytest.raises(Kt1Error) as err:
            authenticate(demo_store, "gdv1", "wrong-password")
        assert err.value.code == "login_failed"
    assert demo_store.scalar("SELECT failed_logins FROM users WHERE login = 'gdv1'") == 3
    # Locked for 5 s: even the right password is not tried, and it is said as for an unknown login.
    with pytest.raises(Kt1Error) as err:
        authenticate(demo_store, "gdv1", PASSWORD)
    with pytest.raises(Kt1Error) as unknown:
        authenticate(demo_store, "nobody", PASSWORD)
    assert err.value.code == unknown.value.code == "login_failed"
    assert err.value.text("vi") == unknown.value.text("vi") and "gdv1" not in err.value.text("vi")
    frozen_now(start + timedelta(seconds=6))
    with pytest.raises(Kt1Error) as err:
        authenticate(demo_store, "gdv1", "wrong-again")
    assert err.value.code == "login_failed"
    # The fourth failure doubles the wait: still locked 6 s later, free after 10 s.
    frozen_now(start + timedelta(seconds=12))
    with pytest.raises(Kt1Error) as err:
        authenticate(demo_store, "gdv1", PASSWORD)
    assert err.value.code == "login_failed"
    frozen_now(start + timedelta(seconds=17))
    assert authenticate(demo_store, "gdv1", PASSWORD).login == "gdv1"
    assert demo_store.scalar("SELECT failed_logins FROM users WHERE login = 'gdv1'") == 0
    failures = demo_store.all("SELECT user_id, action FROM journal WHERE action = 'user.login_failed'")
    assert len(failures) == 4


def test_an_inactive_user_is_refused_even_with_the_right_password(demo_store, admin, clerk):
    users.set_active(demo_store, admin, login="gdv1", active=False)
    with pytest.raises(Kt1Error) as err:
        authenticate(demo_store, "gdv1", PASSWORD)
    assert err.value.code == "user_inactive" and "gdv1" in err.value.text("vi")
    with pytest.raises(Kt1Error):
        users.set_active(demo_store, clerk, login="gdv1", active=True)
    users.set_active(demo_store, admin, login="gdv1", active=True)
    assert authenticate(demo_store, "gdv1", PASSWORD).login == "gdv1"


def test_roles_are_enforced_by_the_services(demo_store, clerk, supervisor, admin, tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("code,name,appendix,province\nXYZ,Sở Mới,II,Đắk Lắk\n", encoding="utf-8")
    items_csv = tmp_path / "i.csv"
    items_csv.write_text("accepted_at,sender,recipient,kind,weight_g\n2026-11-24 08:00,TUDLK,STC,thu,20\n",
                         encoding="utf-8")
    clerk_may_not = [
        lambda a: users.create_user(demo_store, a, login="newbie", full_name="Người Mới", role="clerk",
                                    password="secret-1"),
        lambda a: agencies.import_csv(demo_store, a, csv),
        lambda a: agencies.save_agency(demo_store, a, {"code": "XYZ", "name": "X", "appendix": "II",
                                                       "province": "Đắk Lắk"}),
        lambda a: tariff.import_sample(demo_store, a, effective_from=date(2027, 1, 1)),
        lambda a: settings.put(demo_store, a, "max_weight_g", "1000"),
        lambda a: calendar.set_swap(demo_store, a, day="2026-12-28", working=False),
        lambda a: backentry.import_items(demo_store, a, items_csv),
        lambda a: office.add_block(demo_store, a, counter="Q01", first=50_000_000, last=50_000_100),
    ]
    before = demo_store.scalar("SELECT COUNT(*) FROM journal")
    for action in clerk_may_not:
        with pytest.raises(Kt1Error) as err:
            action(clerk)
        assert err.value.code == "role_required"
        assert "gdv1" in err.value.text("vi")
    # A clerk may not back-enter a single item with an earlier time either.
    with pytest.raises(FieldErrors) as err:
        intake.intake(demo_store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20,
                      accepted_at="2026-11-24 08:00")
    assert [e.code for e in err.value.errors] == ["back_entry_role"]
    assert demo_store.scalar("SELECT COUNT(*) FROM journal") == before
    # A supervisor may do the supervisor's share but not an admin's.
    for action in clerk_may_not[1:7]:
        action(supervisor)
    for action in (clerk_may_not[0], clerk_may_not[7]):
        with pytest.raises(Kt1Error) as err:
            action(supervisor)
        assert err.value.code == "role_required"
    clerk_may_not[0](admin)
    assert users.get_user(demo_store, "newbie").role == "clerk"
    made = demo_store.one("SELECT user_id FROM journal WHERE action = 'user.create' ORDER BY id DESC LIMIT 1")
    assert made["user_id"] == admin.id


def test_a_new_user_is_checked(demo_store, admin):
    with pytest.raises(FieldErrors) as err:
        users.create_user(demo_store, admin, login="x y", full_name="", role="boss", password="123")
    assert {e.code for e in err.value.errors} == {"bad_login", "bad_role", "weak_password", "required"}
    with pytest.raises(Kt1Error) as err:
        users.create_user(demo_store, admin, login="GDV1", full_name="Trùng", role="clerk", password="secret-1")
    assert err.value.code == "login_taken"
    assert demo_store.scalar("SELECT COUNT(*) FROM users") == 3


def test_passwords_are_changed_by_their_owner_or_an_admin(demo_store, clerk, supervisor, admin):
    with pytest.raises(Kt1Error) as err:
        users.set_password(demo_store, supervisor, login="gdv1", password="another-1")
    assert err.value.code == "role_required"
    with pytest.raises(Kt1Error) as err:
        users.set_password(demo_store, clerk, login="gdv1", password="short")
    assert err.value.code == "weak_password"
    users.set_password(demo_store, clerk, login="gdv1", password="my-new-pass")
    assert authenticate(demo_store, "gdv1", "my-new-pass").login == "gdv1"
    users.set_password(demo_store, admin, login="gdv1", password="admin-set-1")
    with pytest.raises(Kt1Error):
        authenticate(demo_store, "gdv1", "my-new-pass")
    assert demo_store.one("SELECT user_id FROM journal WHERE action = 'user.password' ORDER BY id DESC LIMIT 1") == \
        {"user_id": admin.id}
