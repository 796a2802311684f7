"""The floor: the raw stack (Jinja2, WeasyPrint, python-docx) on the same content, no drafter.

It starts from the finished HTML that drafter renders for a release, so the PDF and the Word
file are made from the same HTML, the same print stylesheet and the same fonts as drafter's,
and it makes the same kind of files: a tagged PDF of the same variant (WeasyPrint's
`pdf_variant` and `pdf_tags`), a Word file with the house's styles and, given `--emblem`,
the same emblem picture in its header. What it leaves out is what drafter adds: reading and
validating YAML, the wording (Babel, num2words), the glyph check, the restricted fetcher,
drafter's fixes to the PDF's tags, reproducible bytes and atomic writes. It does what a
minimal script written against the libraries' public APIs would do:

    python bench/floor.py CONTENT.html --house templates/eu-press --out DIR [--pdf --docx --html]
        [--pdf-variant pdf/ua-1] [--emblem EMBLEM.png]
    python bench/floor.py CONTENT.html|DIR ... --warm 20   # in one process: ms per render, JSON

Cold, it is the time to beat for `drafter new`; warm, the time to beat for `drafter.render_all`.
Imports are inside the functions that need them, as in drafter, so `--html` alone never
loads WeasyPrint.
"""

from __future__ import annotations

import argparse
import io
import json
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

FORMATS = ("html", "pdf", "docx")
Writer = Callable[[str], bytes]


@dataclass
class Block:
    """A paragraph of the HTML: tag, classes, region, and runs of (text, bold, italic, href)."""

    tag: str
    classes: list[str]
    region: str
    runs: list[tuple[str, bool, bool, str | None]] = field(default_factory=list)


class Blocks(HTMLParser):
    """The paragraphs, headings and list items of the HTML, as Word needs them."""

    BLOCK = frozenset({"p", "h1", "h2", "h3", "li"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.current: Block | None = None
        self.in_title = False
        self.in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.in_svg += tag == "svg"
        if self.in_svg:
            return
        if tag == "title":
            self.in_title = True
        if tag in self.BLOCK and self.current is None:
            region = next(
                (t for t, _ in reversed(self.stack) if t in ("header", "footer", "main")), "main"
            )
            self.current = Block(tag, values.get("class", "").split(), region)
        if tag not in ("meta", "br", "link"):
            self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        if self.in_svg:
            self.in_svg -= tag == "svg"
            return
        self.in_title = self.in_title and tag != "title"
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if self.current is not None and tag == self.current.tag:
            self.blocks.append(self.current)
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.in_svg:
            return
        if self.in_title:
            self.title += data
        elif self.current is not None and data.strip():
            tags = [t for t, _ in self.stack]
            href = next((a.get("href") for t, a in reversed(self.stack) if t == "a"), None)
            text = " ".join(data.split())
            self.current.runs.append((text, "strong" in tags, "em" in tags, href))


def html_writer(source: str) -> Callable[[], str]:
    """Jinja2 compiles the document once; each call renders it."""
    import jinja2

    template = jinja2.Environment(autoescape=True).from_string(source)
    return lambda: template.render()


def pdf_writer(house: Path, variant: str) -> Writer:
    """WeasyPrint with one font configuration and one parsed print stylesheet per process."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(filename=str(house / "print.css"), font_config=fonts)
    base = house.as_uri() + "/"
    options: dict[str, Any] = {} if variant == "none" else {"pdf_variant": variant}
    options["pdf_tags"] = variant != "none"

    def write(html: str) -> bytes:
        document = HTML(string=html, base_url=base)
        return bytes(document.write_pdf(stylesheets=[css], font_config=fonts, **options))

    return write


def docx_writer(house: Path, emblem: Path | None = None) -> Writer:
    """python-docx: the house's page and paragraph styles, one paragraph per HTML block."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    config: dict[str, Any] = tomllib.loads((house / "house.toml").read_text())["docx"]
    picture = emblem.read_bytes() if emblem else None
    align = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }

    def write(html: str) -> bytes:
        parser = Blocks()
        parser.feed(html)
        word = docx.Document()
        section = word.sections[0]
        page = config["page"]
        section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
        section.top_margin, section.bottom_margin = Mm(page["top_mm"]), Mm(page["bottom_mm"])
        section.left_margin, section.right_margin = Mm(page["left_mm"]), Mm(page["right_mm"])
        names: dict[str, str] = {}
        for key, spec in config["styles"].items():
            name = names[key] = spec.get("name", key)
            try:
                style = word.styles[name]
            except KeyError:
                style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = word.styles["Normal"]
            if "font" in spec:
                style.font.name = spec["font"]
            if "size" in spec:
                style.font.size = Pt(spec["size"])
            if "bold" in spec:
                style.font.bold = spec["bold"]
            if "color" in spec:
                style.font.color.rgb = RGBColor.from_string(spec["color"])
            if "align" in spec:
                style.paragraph_format.alignment = align[spec["align"]]
            if "space_before" in spec:
                style.paragraph_format.space_before = Pt(spec["space_before"])
            if "space_after" in spec:
                style.paragraph_format.space_after = Pt(spec["space_after"])
        section.different_first_page_header_footer = True
        header = section.first_page_header
        footer = section.first_page_footer
        for block in parser.blocks:
            if block.region == "header":
                paragraph = header.add_paragraph()
                if picture and len(header.paragraphs) == 2:  # the emblem above the issuer
                    run = paragraph.add_run()
                    run.add_picture(io.BytesIO(picture), height=Mm(16))
                    run.add_break()
            elif block.region == "footer":
                paragraph = footer.add_paragraph()
            else:
                paragraph = word.add_paragraph()
            style_name = next((names[c] for c in block.classes if c in names), None)
            paragraph.style = style_name or ("Heading 1" if block.tag == "h1" else "Normal")
            for index, (text, bold, italic, href) in enumerate(block.runs):
                run = paragraph.add_run((" " if index else "") + text)
                run.bold, run.italic = bold or None, italic or None
                if href:
                    rel = paragraph.part.relate_to(
                        href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
                    )
                    link = OxmlElement("w:hyperlink")
                    link.set(qn("r:id"), rel)
                    link.append(run._r)
                    paragraph._p.append(link)
        number = section.footer.paragraphs[0].add_run()
        for kind in ("begin", "PAGE", "end"):
            element = OxmlElement("w:instrText" if kind == "PAGE" else "w:fldChar")
            if kind == "PAGE":
                element.text = kind
            else:
                element.set(qn("w:fldCharType"), kind)
            number._r.append(element)
        word.core_properties.title = parser.title[:255]
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue()

    return write


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path, help="the release's HTML, as drafter renders it")
    parser.add_argument("--house", type=Path, required=True, help="the house folder")
    parser.add_argument("--out", type=Path, help="output folder (cold mode)")
    for fmt in FORMATS:
        parser.add_argument(f"--{fmt}", action="store_true", help=f"write the {fmt.upper()}")
    parser.add_argument("--pdf-variant", default="pdf/ua-1", help="as drafter's; none: untagged")
    parser.add_argument("--emblem", type=Path, help="the emblem picture (PNG) for the Word header")
    parser.add_argument("--warm", type=int, default=0, help="time N renders in one process")
    args = parser.parse_args(argv)
    chosen = [fmt for fmt in FORMATS if getattr(args, fmt)] or list(FORMATS)
    house = args.house.resolve()

    if args.warm:
        print(json.dumps(warm(args.content, house, args.warm, args.pdf_variant, args.emblem)))
        return
    render_html = html_writer(args.content.read_text(encoding="utf-8"))
    html = render_html()
    writers: dict[str, Writer] = {"html": lambda text: text.encode()}
    if "pdf" in chosen:
        writers["pdf"] = pdf_writer(house, args.pdf_variant)
    if "docx" in chosen:
        writers["docx"] = docx_writer(house, args.emblem)
    out = args.out or args.content.parent
    out.mkdir(parents=True, exist_ok=True)
    for fmt in chosen:
        path = out / f"{args.content.stem}.{fmt}"
        path.write_bytes(writers[fmt](html))
        print(path)


def warm(
    contents: Path, house: Path, count: int, variant: str, emblem: Path | None
) -> dict[str, list[float]]:
    """Per-format and all-three render times (ms) over `count` rounds of each content file.

    The same steps in the same order as `bench/warm.py` does with drafter.
    """
    files = sorted(contents.glob("*.html")) if contents.is_dir() else [contents]
    renders = [html_writer(path.read_text(encoding="utf-8")) for path in files]
    pdf, docx = pdf_writer(house, variant), docx_writer(house, emblem)
    steps: dict[str, Callable[[Callable[[], str]], object]] = {
        "html": lambda render: render().encode(),
        "pdf": lambda render: pdf(render()),
        "docx": lambda render: docx(render()),
        "all": lambda render: (lambda html: (html.encode(), pdf(html), docx(html)))(render()),
    }
    for render in renders:  # the first render of each kind sets up caches: not timed
        for step in steps.values():
            step(render)
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(count):
        for render in renders:
            for name, step in steps.items():
                start = time.perf_counter()
                step(render)
                times[name].append((time.perf_counter() - start) * 1000)
    return times


if __name__ == "__main__":
    main()
