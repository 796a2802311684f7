"""Command-line options at their edges: out-of-range dates, unbounded time limits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clirun import EXAMPLES, R15, Cap, run

from drafter.limits import time_limit


@pytest.mark.parametrize("day", ["1949-12-31", "2101-01-01", "0001-01-01", "9999-12-31"])
def test_next_date_outside_the_schemas_range_is_a_usage_error(
    tmp_path: Path, capsys: Cap, day: str
) -> None:
    shutil.copy(EXAMPLES / R15, tmp_path / R15)
    code, _, err = run(capsys, "next", str(tmp_path / R15), "--date", day)
    assert code == 2, err
    assert f'--date "{day}"' in err and "1950-01-01" in err and "2100-12-31" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [R15]


@pytest.mark.parametrize("seconds", [float("inf"), 1e12, 1e309])
def test_a_time_limit_too_long_to_set_is_no_limit(seconds: float) -> None:
    with time_limit(seconds):
        total = sum(range(10))
    assert total == 45


def test_cli_timeout_of_infinity_renders(tmp_path: Path, capsys: Cap) -> None:
    out = tmp_path / "out"
    args = ["new", "--html", "--lang", "en", "--timeout", "1e309", "--out", str(out)]
    code, _, err = run(capsys, *args, str(EXAMPLES / R15))
    assert code == 0, err
    assert [p.name for p in out.iterdir()] == ["2012-07-24_A-350-12.html"]


@pytest.mark.parametrize(
    ("base", "said"),
    [
        ("javascript:alert(1)", "http://"),
        ("file:///etc/", "http://"),
        ("http://a b/", "space"),
        ("http://www.eeas.europa.eu@evil.example/", "user name"),
    ],
)
def test_feed_base_url_that_is_no_web_address_is_a_usage_error(
    tmp_path: Path, capsys: Cap, base: str, said: str
) -> None:
    shutil.copy(EXAMPLES / R15, tmp_path / R15)
    code, _, err = run(capsys, "feed", str(tmp_path), "--base-url", base)
    assert code == 2, err
    assert "base URL" in err and said in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [R15]
