"""Report charts: they render in both languages, with Vietnamese numbers, and say so when empty;
matplotlib is not loaded at start-up."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image

from report_paper_support import hand_report

NAMES = ("volume_by_month", "share_by_mark", "adoption_by_year")


def _texts(figure) -> list[str]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure).draw()
    return [t.get_text() for t in figure.findobj(lambda o: hasattr(o, "get_text")) if t.get_text()]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_renders_png_of_the_asked_size(name, lang):
    from matplotlib.figure import Figure

    from kt1desk.reports import charts

    figure = getattr(charts, name)(hand_report(), lang)
    assert isinstance(figure, Figure)
    png = charts.png_bytes(figure, dpi=200)
    image = Image.open(io.BytesIO(png))
    assert image.size == (round(charts.SIZE_IN[0] * 200), round(charts.SIZE_IN[1] * 200))
    # Not a blank page: the bars and text put many dark pixels on it.
    grey = image.convert("L")
    assert sum(grey.histogram()[:128]) > 2000
    assert charts.svg_bytes(figure).lstrip().startswith(b"<?xml")


def test_numbers_are_written_the_vietnamese_way():
    from kt1desk.reports import charts

    report = hand_report()
    vi = _texts(charts.share_by_mark(report, "vi"))
    assert "Hỏa tốc" in vi and "Mật B" in vi
    assert "812 (12,3%)" in vi  # 812 of 6.587
    assert "bưu gửi (tổng 6.587)" in vi
    en = _texts(charts.share_by_mark(report, "en"))
    assert "812 (12.3%)" in en and "items (of 6,587)" in en
    adoption = _texts(charts.adoption_by_year(report, "vi"))
    assert "25/44\n56,8%" in adoption and "15/44\n34,1%" in adoption
    assert "25/44\n56.8%" in _texts(charts.adoption_by_year(report, "en"))
    months = _texts(charts.volume_by_month(report, "vi"))
    assert "T1" in months and "T12" in months and "612" in months
    assert any(t.startswith("Số bưu gửi theo tháng — Năm 2019") for t in months)
    big = hand_report(months=[12_345] + [0] * 11)
    assert "12.345" in _texts(charts.volume_by_month(big, "vi"))
    assert "12,345" in _texts(charts.volume_by_month(big, "en"))


def test_months_over_two_years_carry_the_year():
    from kt1desk.reports import charts

    report = hand_report()
    report["by_month"][-1]["month"] = "2020-01"
    texts = _texts(charts.volume_by_month(report, "vi"))
    assert "01/2019" in texts and "01/2020" in texts


@pytest.mark.parametrize("name", NAMES)
def test_an_empty_period_says_no_data(name):
    from kt1desk.reports import charts

    report = hand_report(empty=True)
    report["adoption_by_year"] = []
    assert "không có số liệu" in _texts(getattr(charts, name)(report, "vi"))
    assert "no data" in _texts(getattr(charts, name)(report, "en"))
    assert len(charts.png_bytes(getattr(charts, name)(report, "vi"), dpi=60)) > 1000


def test_a_year_without_eligible_agencies_says_no_data_not_zero():
    from kt1desk.reports import charts

    report = hand_report()
    report["adoption_by_year"].insert(0, {"year": 2016, "used": 0, "eligible": 0, "pct": None})
    texts = _texts(charts.adoption_by_year(report, "vi"))
    assert "không\ncó số liệu" in texts
    assert "0/0\n0,0%" not in texts


def test_charts_use_the_projects_dejavu_sans():
    from kt1desk.paths import resource
    from kt1desk.reports import charts

    figure = charts.volume_by_month(hand_report(), "vi")
    title = figure.axes[0].title if figure.axes[0].title.get_text() else figure.axes[0]._left_title
    assert title.get_fontproperties().get_file() == str(resource("fonts/DejaVuSans-Bold.ttf"))


def test_start_up_does_not_import_matplotlib():
    code = ("import sys, kt1desk.cli, kt1desk.reports; kt1desk.cli.build_parser(); "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]
