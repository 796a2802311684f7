"""A process forked after the PDF fonts were set up never removes its parent's font folder."""

from __future__ import annotations

import os
from pathlib import Path

from textutil import REFERENCE_YAML

import drafter
from drafter import lifeline
from drafter.prefork_helper import serve
from drafter.writers import pdf


def test_a_helper_forked_after_the_fonts_leaves_its_parents_fonts(tmp_path: Path) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    drafter.render(release, "pdf")  # the fonts set up, in a folder of this process's
    folder = getattr(pdf._font_config(), "_folder", None)
    assert folder and Path(folder).is_dir()
    requests, ask = os.pipe()
    replies, answer = os.pipe()
    child = os.fork()
    if child == 0:  # the PDF helper's whole life, as `drafter.prefork` forks it
        os.close(ask)
        lifeline.use_folder(tmp_path / "helper")
        serve(requests, answer, True)  # warms up, rehearses, meets the end of the pipe, leaves
    os.close(requests)
    os.close(answer)
    os.close(ask)  # no request: the helper ends by itself, its own clean-up run
    _, status = os.waitpid(child, 0)
    os.close(replies)
    assert os.waitstatus_to_exitcode(status) == 0
    assert Path(folder).is_dir()  # still the parent's
    assert drafter.render(release, "pdf").startswith(b"%PDF")
