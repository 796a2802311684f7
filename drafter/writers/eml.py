"""The e-mail writer: a ready MIME message of the release, which any mail client opens.

multipart/mixed: the text and HTML alternatives (multipart/alternative), then the PDF as
an attachment. The subject is the title, after the marks of a release not to publish yet
in its language: [DRAFT] for a draft, and the embargo as the release prints it
("[EMBARGO: not for publication before 24 July 2012, 12:00 CEST] The EU and ...").
The message is deterministic: its Date is SOURCE_DATE_EPOCH or the release's date, its
Message-ID and MIME boundaries come from a hash of the document, so the same input gives the
same bytes.
It is marked unsent (X-Unsent), so a client opens it as a message to address and send.
"""

from __future__ import annotations

import hashlib
import re
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from html import unescape

from drafter.structure import Document, parse_document
from drafter.templating import House
from drafter.writers import DEFAULT_PDF_VARIANT
from drafter.writers.dates import day_start, source_date
from drafter.writers.text import plain_text

__all__ = ["message_date", "write_eml"]


def write_eml(html: str, house: House, *, pdf_variant: str = DEFAULT_PDF_VARIANT) -> bytes:
    """The release as an RFC 5322 message (CRLF lines) with its PDF (of `pdf_variant`)."""
    from drafter.writers.pdf import write_pdf

    parsed = parse_document(html)
    key = hashlib.sha256(html.encode("utf-8")).hexdigest()
    message = EmailMessage(policy=policy.SMTP)
    _headers(message, parsed, key, _draft_mark(html))
    message.set_content(plain_text(html), charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    stem = parsed.meta.get("drafter-file-stem", "release")
    message.add_attachment(
        write_pdf(html, house, variant=pdf_variant),
        maintype="application",
        subtype="pdf",
        filename=f"{stem}.pdf",
    )
    if parsed.language:  # after the content: set_content drops Content-* headers
        message["Content-Language"] = parsed.language
    message.set_boundary(f"=_mixed_{key[:32]}")
    alternative = next(message.iter_parts())
    alternative.set_boundary(f"=_alternative_{key[:32]}")
    return message.as_bytes()


def _draft_mark(html: str) -> str:
    """The draft's mark as the house prints it in the release's language (DRAFT, PROJET)."""
    found = re.search(r'class="draft-mark"[^>]*\bdata-mark="([^"]*)"', html)
    return unescape(found[1]) if found else "DRAFT"


def _headers(message: EmailMessage, parsed: Document, key: str, mark: str) -> None:
    draft = parsed.meta.get("drafter-status") == "draft"
    embargo = next((b.text for b in parsed.blocks if "embargo" in b.classes), "")
    # the embargo goes in the subject unless the house's title carries it (title-marks.j2)
    add_embargo = bool(embargo) and embargo not in parsed.title
    marks = ([mark] if draft else []) + ([embargo] if add_embargo else [])
    # one line whatever the template wrote: a header holds no line break (U+2028 neither)
    subject = "".join(f"[{text}] " for text in marks) + parsed.title
    message["Subject"] = " ".join(subject.split())
    mailbox = next((b.text for b in parsed.blocks if "contact-mailbox" in b.classes), "")
    if mailbox:
        message["From"] = mailbox
    message["Date"] = message_date(parsed)
    message["Message-ID"] = f"<{key[:40]}@drafter.invalid>"
    message["X-Unsent"] = "1"


def message_date(parsed: Document) -> str:
    """SOURCE_DATE_EPOCH if set, else midnight UTC of the release's date, as a Date header."""
    from datetime import date

    when = source_date()
    if when is None:
        created = parsed.meta.get("dcterms.created", "1980-01-01")
        when = day_start(date.fromisoformat(created))
    return format_datetime(when)
