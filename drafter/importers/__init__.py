"""Readers of the formats archives keep, for `drafter import`: PDF, HTML and any Word file.

Each reader gives the release's paragraphs as `Block`s in reading order, the form the
import's reader (`drafter.importing`) takes; `layouts.page_layout` then recognises the
house layout the blocks are in (an EU or Council press release, or an EEAS web release)
and puts them in the press release's order, with the facts the layout alone gives.
"""

from __future__ import annotations

from drafter.importers.layouts import Layout, page_layout, settle
from drafter.importers.sniff import archive_blocks

__all__ = ["Layout", "archive_blocks", "page_layout", "settle"]
