"""The tariff: weight bands × nội tỉnh / liên tỉnh, plus surcharges, versioned by effective date.

Appendix I senders and the four central offices pay nothing; everyone else
pays the band price of the item's weight and scope, plus a fixed surcharge for
each mark: Hỏa tốc, Hẹn giờ and the secrecy letter (A, B and C each have their
own, as in Circular 23/2017: 48.636 / 37.273 / 30.909 đ before VAT; a tariff may
also give one ``secrecy`` amount for every letter). The base table is not
published in a form we could obtain: ``resources/sample/tariff_sample.csv`` is a
clearly marked sample (its surcharges are the circular's caps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .. import clock
from ..errors import Kt1Error, RowErrors, label
from ..formats import parse_amount_vnd
from ..formats import weight as fmt_weight
from ..paths import resource
from ..storage import Store, User
from .agencies import is_free
from .csvfile import read_rows
from .users import require_role

SECRECY_RULES = {"A": "secrecy_a", "B": "secrecy_b", "C": "secrecy_c"}
RULES = ("band", "hoa_toc", "hen_gio", "secrecy", *SECRECY_RULES.values())
SURCHARGES = ("hoa_toc", "hen_gio")  # required; and a secrecy surcharge for every letter (secrecy_x or secrecy)
SAMPLE_FILE = "sample/tariff_sample.csv"


@dataclass
class Tariff:
    id: int
    effective_from: str
    name: str
    is_sample: bool
    bands: list[tuple[int, int, int]]  # (max_weight_g, noi_tinh, lien_tinh), increasing
    surcharges: dict[str, tuple[int, int]] = field(default_factory=dict)

    def band_price(self, weight_g: int, scope: str) -> int:
        for max_g, noi, lien in self.bands:
            if weight_g <= max_g:
                return noi if scope == "noi-tinh" else lien
        raise Kt1Error("no_band", "weight_g", weight=fmt_weight(weight_g))

    def surcharge(self, rule: str, scope: str) -> int:
        noi, lien = self.surcharges.get(rule, (0, 0))
        return noi if scope == "noi-tinh" else lien

    def secrecy_surcharge(self, letter: str, scope: str) -> int:
        """The letter's own surcharge, or the tariff's one amount for every letter."""
        rule = SECRECY_RULES[letter]
        return self.surcharge(rule if rule in self.surcharges else "secrecy", scope)


@dataclass
class Fee:
    """What an item costs: the tariff's amounts (before VAT), the VAT at the day's rate, the total."""

    net: int  # before VAT: the band plus the surcharges
    free_reason: str | None  # 'appendix-I' | 'central-office' | None
    parts: dict[str, int]  # band and each surcharge (before VAT), for the receipt and the window
    tariff_id: int | None
    vat_rate_bp: int | None = None  # hundredths of a per cent; None for a free item
    vat: int = 0

    @property
    def total(self) -> int:
        return self.net + self.vat


def vat_of(net: int, rate_bp: int) -> int:
    """VAT on an amount in whole đồng, half up: 18.182 đ at 10 % → 1.818 đ (total 20.000 đ)."""
    return (net * rate_bp + 5_000) // 10_000


MAX_AMOUNT = 100_000_000  # 100 million đồng for one line of a tariff is already absurd
MAX_BAND_G = 1_000_000


def _bounded_amount(value: str, lbl, maximum: int = MAX_AMOUNT) -> int:
    """A whole amount ≥ 0 as a Vietnamese writes it (45.000), refused above ``maximum``."""
    try:
        amount = parse_amount_vnd(value, maximum=10**15)
    except ValueError:
        if re.fullmatch(r"[0-9]{16,}", value.strip()):  # a number, only far too long
            raise Kt1Error("tariff_amount_range", label=lbl, max=f"{maximum:,}".replace(",", ".")) from None
        raise Kt1Error("tariff_amount", label=lbl, value=value) from None
    if amount > maximum:
        raise Kt1Error("tariff_amount_range", label=lbl, max=f"{maximum:,}".replace(",", "."))
    return amount


def read_csv(path) -> tuple[list[tuple[int, int, int]], dict[str, tuple[int, int]]]:
    """Parse a tariff file, reporting every bad line; nothing is stored here."""
    bands, surcharges, errors, seen = [], {}, [], {}
    for line, row in read_rows(path, ["rule", "max_weight_g", "noi_tinh_vnd", "lien_tinh_vnd"]):
        rule = row["rule"].lower()
        try:
            if rule not in RULES:
                raise Kt1Error("tariff_rule", "rule", value=row["rule"])
            noi = _bounded_amount(row["noi_tinh_vnd"], label("Cước nội tỉnh", "Nội tỉnh price"))
            lien = _bounded_amount(row["lien_tinh_vnd"], label("Cước liên tỉnh", "Liên tỉnh price"))
            if rule == "band":
                max_g = _bounded_amount(row["max_weight_g"], label("Khối lượng tối đa của nấc", "Band weight"),
                                        MAX_BAND_G)
                bands.append((max_g, noi, lien))
            elif rule in seen:  # a second row would silently take over the first
                raise Kt1Error("tariff_duplicate", "rule", rule=rule, first=seen[rule])
            else:
                seen[rule] = line
                surcharges[rule] = (noi, lien)
        except Kt1Error as err:
            errors.append((line, err))
    if errors:
        raise RowErrors(errors)
    weights = [b[0] for b in bands]
    if not bands or weights != sorted(set(weights)) or weights[0] <= 0:
        raise Kt1Error("tariff_bands")
    missing = [r for r in SURCHARGES if r not in surcharges]
    if "secrecy" not in surcharges:
        missing += [rule for rule in SECRECY_RULES.values() if rule not in surcharges]
    if missing:
        raise Kt1Error("tariff_missing_surcharge", missing=", ".join(missing))
    return bands, surcharges


def is_shipped_sample(bands, surcharges) -> bool:
    """Whether these are the figures of the sample shipped with the program (loaded under any file name)."""
    return (bands, surcharges) == read_csv(resource(SAMPLE_FILE))


def suggested_start(store: Store) -> date:
    """The day a newly loaded tariff should apply from, unless the office says otherwise.

    Today, when a tariff is already in force (the new one replaces it from today on). On a
    first day (none in force yet), the earliest day a supervisor may back-enter items, so
    that the items the office still has to enter are priced too.
    """
    from . import settings

    today = clock.now().date()
    if in_force(store, today) is not None:
        return today
    return today - timedelta(days=settings.get(store, "back_entry_max_days"))


def import_csv(store: Store, actor: User | None, path, *, effective_from: date | None = None,
               name: str | None = None, is_sample: bool = False) -> Tariff:
    """Load a tariff that applies to items accepted from ``effective_from`` (today) on.

    The shipped sample's figures are stored as a sample (MẪU) whatever the file is called.
    """
    if actor is not None:
        require_role(actor, "supervisor", "admin")
    bands, surcharges = read_csv(path)
    is_sample = is_sample or is_shipped_sample(bands, surcharges)
    start = (effective_from or clock.now().date()).isoformat()
    if store.scalar("SELECT 1 FROM tariffs WHERE effective_from = ?", (start,)):
        raise Kt1Error("tariff_exists", "effective_from", date=start)
    with store.write(actor, "tariff.import") as tx:
        cursor = tx.execute("INSERT INTO tariffs (effective_from, name, is_sample, loaded_at) VALUES (?, ?, ?, ?)",
                            (start, name or Path(path).name, int(is_sample), clock.iso(tx.now)))
        tariff_id = cursor.lastrowid
        store.conn.executemany("INSERT INTO tariff_bands VALUES (?, ?, ?, ?)", [(tariff_id, *b) for b in bands])
        store.conn.executemany("INSERT INTO tariff_surcharges VALUES (?, ?, ?, ?)",
                               [(tariff_id, rule, *amounts) for rule, amounts in surcharges.items()])
        tx.record("tariff", tariff_id, effective_from=start, bands=len(bands))
    return tariff_on(store, clock.parse_date(start))


def import_sample(store: Store, actor: User | None, *, effective_from: date | None = None) -> Tariff:
    """The shipped sample tariff, marked MẪU, from ``effective_from`` (by default ``suggested_start``)."""
    return import_csv(store, actor, resource(SAMPLE_FILE), effective_from=effective_from or suggested_start(store),
                      name="Bảng cước MẪU (không chính thức)", is_sample=True)


def _load_all(store: Store) -> list[Tariff]:
    tariffs = []
    for row in store.all("SELECT * FROM tariffs ORDER BY effective_from"):
        bands = [(b["max_weight_g"], b["noi_tinh_vnd"], b["lien_tinh_vnd"]) for b in store.all(
            "SELECT * FROM tariff_bands WHERE tariff_id = ? ORDER BY max_weight_g", (row["id"],))]
        surcharges = {s["rule"]: (s["noi_tinh_vnd"], s["lien_tinh_vnd"]) for s in store.all(
            "SELECT * FROM tariff_surcharges WHERE tariff_id = ?", (row["id"],))}
        tariffs.append(Tariff(row["id"], row["effective_from"], row["name"], bool(row["is_sample"]), bands, surcharges))
    return tariffs


def list_tariffs(store: Store) -> list[Tariff]:
    return store.cached("tariffs", lambda: _load_all(store))


def in_force(store: Store, day: date) -> Tariff | None:
    """The tariff in force on ``day``, or None when none is (a first day, before one is loaded)."""
    current = None
    for tariff in list_tariffs(store):
        if tariff.effective_from <= day.isoformat():
            current = tariff
    return current


def tariff_on(store: Store, day: date) -> Tariff:
    """The tariff in force on ``day``: the latest whose effective date is not after it."""
    current = in_force(store, day)
    if current is None:
        raise Kt1Error("no_tariff", date=day.strftime("%d/%m/%Y"))
    return current


def compute_fee(store: Store, *, sender_appendix: str, weight_g: int, scope: str, day: date,
                hoa_toc: bool = False, hen_gio: bool = False, secrecy: str | None = None) -> Fee:
    """The band price plus every mark's surcharge (they add up), then VAT at the rate of ``day``."""
    from . import settings

    if is_free(sender_appendix):
        reason = "appendix-I" if sender_appendix == "I" else "central-office"
        return Fee(0, reason, {}, None)
    tariff = tariff_on(store, day)
    parts = {"band": tariff.band_price(weight_g, scope)}
    for rule, applies in (("hoa_toc", hoa_toc), ("hen_gio", hen_gio)):
        if applies:
            parts[rule] = tariff.surcharge(rule, scope)
    if secrecy:
        parts["secrecy"] = tariff.secrecy_surcharge(secrecy, scope)
    net = sum(parts.values())
    rate = settings.get(store, "vat_percent", day)
    return Fee(net, None, parts, tariff.id, rate, vat_of(net, rate))


FREE_REASONS = {
    "appendix-I": {"vi": "miễn cước — cơ quan Phụ lục I (QĐ 55/2016)", "en": "free — Appendix I agency (Decision 55/2016)"},
    "central-office": {"vi": "miễn cước — văn phòng Trung ương", "en": "free — central office"},
}
