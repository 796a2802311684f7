"""A process forked after the PDF fonts were set up never removes its parent's font folder."""

from __future__ import annotations

import os
from pathlib import Path

from textutil import REFERENCE_YAML

import drafter
from drafter.writers import pdf


def test_a_forked_process_leaves_its_parents_fonts() -> None:
    release = drafter.load_release(REFERENCE_YAML)
    drafter.render(release, "pdf")  # the fonts set up, in a folder of this process's
    folder = getattr(pdf._font_config(), "_folder", None)
    assert folder and Path(folder).is_dir()
    child = os.fork()
    if child == 0:  # a warm helper ending: it forgets the fonts, as before its os._exit
        pdf.forget_fonts()
        os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert Path(folder).is_dir()  # still the parent's
    assert drafter.render(release, "pdf").startswith(b"%PDF")
