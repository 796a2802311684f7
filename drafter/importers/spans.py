"""The runs of a read paragraph tidied as the Word, PDF and web-page readers need them."""

from __future__ import annotations

from drafter.structure import Span

__all__ = ["merged_spans", "stripped"]


def merged_spans(spans: list[Span], *, join_spaces: bool = False) -> list[Span]:
    """The spans, neighbours of one format merged into one, empty ones left out.

    With `join_spaces`, a run of white space alone joins the run before it whatever its
    format (the space pdfminer puts between a bold and a plain word).
    """
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        same = last is not None and (last.bold, last.italic, last.href) == (
            span.bold,
            span.italic,
            span.href,
        )
        if last is not None and (same or (join_spaces and span.text.isspace())):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic, last.href)
        elif span.text:
            merged.append(span)
    return merged


def stripped(spans: list[Span]) -> tuple[Span, ...]:
    """A paragraph's spans without the white space it starts and ends with, empty ones left out."""
    spans = list(spans)
    if spans:
        spans[0] = Span(spans[0].text.lstrip(), spans[0].bold, spans[0].italic, spans[0].href)
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.href)
    return tuple(span for span in spans if span.text)
