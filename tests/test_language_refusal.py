"""A language the release has no version in is refused the same way by every entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from textutil import REFERENCE_YAML

import drafter
from drafter.errors import UsageError
from drafter.languages import language_version

EXPECTED = "the release has no version in es (it has: en, fr, de, bg)"


@pytest.fixture(scope="module")
def release() -> drafter.Release:
    return drafter.load_release(REFERENCE_YAML)


def _language_version(release: drafter.Release, tmp_path: Path) -> object:
    return language_version(release, "es")


def _render(release: drafter.Release, tmp_path: Path) -> object:
    return drafter.render(release, "html", language="es")


def _render_all(release: drafter.Release, tmp_path: Path) -> object:
    return drafter.render_all(release, ["html"], language="es")


def _write_release(release: drafter.Release, tmp_path: Path) -> object:
    return drafter.write_release(release, tmp_path / "out", ["html"], languages=["es"])


@pytest.mark.parametrize("call", [_language_version, _render, _render_all, _write_release])
def test_a_language_the_release_has_not_is_one_usage_error(
    release: drafter.Release, tmp_path: Path, call: object
) -> None:
    assert callable(call)
    with pytest.raises(UsageError) as info:
        call(release, tmp_path)
    assert str(info.value) == EXPECTED
    assert not (tmp_path / "out").exists()


def test_a_release_without_translations_is_refused_alike(release: drafter.Release) -> None:
    plain = release.model_copy(update={"translations": {}})
    with pytest.raises(UsageError, match=r"no version in de \(it has: en\)$"):
        language_version(plain, "de")
    with pytest.raises(UsageError, match=r"no version in de \(it has: en\)$"):
        drafter.render(plain, "html", language="de")
