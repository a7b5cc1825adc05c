"""The report period: every way to name one, its labels in both languages, bad input refused clearly."""

from __future__ import annotations

from datetime import date

import pytest

from kt1desk.errors import Kt1Error
from kt1desk.reports.period import Period


@pytest.mark.parametrize("text, start, end, kind, vi, en", [
    ("2019", date(2019, 1, 1), date(2019, 12, 31), "year", "Năm 2019", "Year 2019"),
    ("2019-05", date(2019, 5, 1), date(2019, 5, 31), "month", "Tháng 5/2019", "May 2019"),
    ("05/2019", date(2019, 5, 1), date(2019, 5, 31), "month", "Tháng 5/2019", "May 2019"),
    ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month", "Tháng 2/2020", "February 2020"),
    ("2019-Q2", date(2019, 4, 1), date(2019, 6, 30), "quarter", "Quý II/2019", "Q2 2019"),
    ("2019-q4", date(2019, 10, 1), date(2019, 12, 31), "quarter", "Quý IV/2019", "Q4 2019"),
    ("2019-H1", date(2019, 1, 1), date(2019, 6, 30), "half", "6 tháng đầu năm 2019", "First half of 2019"),
    ("2019-H2", date(2019, 7, 1), date(2019, 12, 31), "half", "6 tháng cuối năm 2019", "Second half of 2019"),
    ("2019-05-07", date(2019, 5, 7), date(2019, 5, 7), "day", "Ngày 07/05/2019", "Day 07/05/2019"),
    ("07/05/2019", date(2019, 5, 7), date(2019, 5, 7), "day", "Ngày 07/05/2019", "Day 07/05/2019"),
    ("2019-01-01..2019-03-31", date(2019, 1, 1), date(2019, 3, 31), "range",
     "Từ 01/01/2019 đến 31/03/2019", "From 01/01/2019 to 31/03/2019"),
    (" 01/01/2019..31/03/2019 ", date(2019, 1, 1), date(2019, 3, 31), "range",
     "Từ 01/01/2019 đến 31/03/2019", "From 01/01/2019 to 31/03/2019"),
])
def test_parse_and_label(text, start, end, kind, vi, en):
    p = Period.parse(text)
    assert (p.start, p.end, p.kind) == (start, end, kind)
    assert p.label("vi") == vi and p.label() == vi and p.label("en") == en
    assert Period.parse(p.token()) == p
    assert p.as_dict() == {"from": start.isoformat(), "to": end.isoformat(), "kind": kind, "label": {"vi": vi, "en": en}}


def test_makers_agree_with_parse():
    assert Period.year(2019) == Period.parse("2019")
    assert Period.month(2019, 5) == Period.parse("2019-05")
    assert Period.quarter(2019, 2) == Period.parse("2019-Q2")
    assert Period.half(2019, 1) == Period.parse("2019-H1")
    assert Period.day(date(2019, 5, 7)) == Period.parse("2019-05-07")
    assert Period.range(date(2019, 1, 1), date(2019, 3, 31)) == Period.parse("2019-01-01..2019-03-31")
    assert Period.year(2019).months()[0] == "2019-01" and len(Period.year(2019).months()) == 12
    assert Period.range(date(2018, 12, 30), date(2019, 2, 1)).months() == ["2018-12", "2019-01", "2019-02"]
    assert Period.year(2019).bounds() == ("2019-01-01", "2020-01-01")


@pytest.mark.parametrize("text", ["", "hôm qua", "2019-13", "2019-Q5", "2019-H3", "2019-02-30", "abc",
                                  "20190", "2019-05-07..", "２０１９", "1800", "2019-01-01..2019-13-01"])
def test_bad_text_is_refused_in_both_languages(text):
    with pytest.raises(Kt1Error) as err:
        Period.parse(text)
    assert err.value.code == "report_period" and err.value.field == "period"
    assert "2019-Q2" in err.value.text("vi") and "Kỳ báo cáo" in err.value.text("vi")
    assert "Report period" in err.value.text("en")


def test_end_before_start_is_refused():
    with pytest.raises(Kt1Error) as err:
        Period.range(date(2019, 3, 31), date(2019, 1, 1))
    assert err.value.code == "report_range"
    assert "31/03/2019" in err.value.text("vi") and "01/01/2019" in err.value.text("en")
    with pytest.raises(Kt1Error) as err:
        Period.parse("2019-03-31..2019-01-01")
    assert err.value.code == "report_range"
