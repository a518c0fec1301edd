"""Share cards as PNG: an SVG template we write, laid out here, rendered by resvg.

Every text is measured with the font that draws it (Pillow's FreeType binding reads the shipped
TTF files) and wrapped here, since SVG has no line breaking; every text and attribute is escaped.
resvg (``resvg-py``) renders with the shipped fonts only, never the system's, so that a card is
the same bytes on every machine and from build to build.

The cover is drawn into the card when it is safe to: an SVG cover has already been checked by
``publication.model.svg`` (drawing only, no reference outside the file, no DOCTYPE) and is
embedded as a ``data:`` URL, so resvg reads no file and no network; PNG and JPEG covers are
embedded the same way. A cover larger than ``MAX_COVER_BYTES``, an SVG with more than
``MAX_COVER_ELEMENTS`` elements or filters beyond ``MAX_COVER_FILTERS``, a raster larger than
``MAX_COVER_PIXELS``, or a file that resvg refuses is left out: the card is drawn without it
(flat design), so a hostile cover costs bounded time and never fails the build.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import resvg_py
from PIL import ImageFont

from publication.model.images import intrinsic_size
from publication.model.svg import svg_problems
from vocabulary.french import french_spacing

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parent / "fonts"
SERIF_BOLD = FONTS / "DejaVuSerif-Bold.ttf"
SANS_BOLD = FONTS / "DejaVuSans-Bold.ttf"
SERIF_FAMILY, SANS_FAMILY = "DejaVu Serif", "DejaVu Sans"
SANS_BOLD_FAMILY = SANS_FAMILY
MAX_COVER_BYTES = 200_000
MAX_COVER_ELEMENTS = 2_000
MAX_COVER_FILTERS = 8
MAX_COVER_PIXELS = 4096 * 4096
#: Colours of the site's stylesheet (``vraioufaux.css``).
INK, MUTED, PAPER, LINE = "#1b1b1f", "#55565e", "#f3efe6", "#d9d4c7"
VERDICT_COLOURS = {"faux": "#a61e1e", "plutot-faux": "#b8400b", "trompeur": "#7a5c00",
                   "plutot-vrai": "#2b6a30", "vrai": "#1d5a24"}
_RASTER = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}
_ELEMENT = re.compile(rb"<[A-Za-z]")
_FILTER = re.compile(rb"<fe[A-Z]")


@dataclass(frozen=True)
class ArticleCard:
    """What an article's card shows."""

    site_name: str
    claim: str
    verdict_key: str
    verdict_label: str
    category: str
    cover: Path | None  # the cover file, or None for a flat card


@functools.lru_cache(maxsize=16)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def text_width(text: str, font: Path, size: int) -> float:
    return float(_font(font, size).getlength(text))


def wrap(text: str, font: Path, size: int, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``, broken at plain spaces only (« non\u202f? »
    stays whole); a word too long for a line stands alone."""
    lines: list[str] = []
    for word in filter(None, text.split(" ")):  # not at no-break spaces
        if lines and text_width(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def fit(text: str, font: Path, sizes: tuple[int, ...], width: float, max_lines: int
        ) -> tuple[int, list[str]]:
    """The largest of ``sizes`` at which ``text`` holds in ``max_lines`` lines, and its lines;
    at the smallest size, the lines beyond ``max_lines`` are cut and the last ends with « … »."""
    for size in sizes:
        lines = wrap(text, font, size, width)
        if len(lines) <= max_lines:
            return size, lines
    size = sizes[-1]
    lines = wrap(text, font, size, width)[:max_lines]
    last = lines[-1]
    while last and text_width(last + "…", font, size) > width:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return size, lines


def _text(lines: list[str], x: float, y: float, size: int, leading: float, family: str,
          fill: str, anchor: str = "start") -> str:
    spans = "".join(f'<tspan x="{x:g}" y="{y + i * leading:g}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<text font-family="{family}" font-weight="bold" font-size="{size}" '
            f'fill="{fill}" text-anchor="{anchor}">{spans}</text>')


def cover_data_url(path: Path) -> str | None:
    """The cover as a ``data:`` URL, or None when it is not safe or cheap to draw."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data or len(data) > MAX_COVER_BYTES:
        return None
    for magic, mime in _RASTER.items():
        if data.startswith(magic):
            size = intrinsic_size(path)
            if size is None or size[0] * size[1] > MAX_COVER_PIXELS:
                return None
            return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    if path.suffix.lower() != ".svg" or svg_problems(data, path.name):
        return None
    if len(_ELEMENT.findall(data)) > MAX_COVER_ELEMENTS or \
            len(_FILTER.findall(data)) > MAX_COVER_FILTERS:
        return None
    return f"data:image/svg+xml;base64,{base64.b64encode(data).decode('ascii')}"


def article_svg(card: ArticleCard, cover: str | None) -> str:
    """The SVG of an article's card; ``cover`` is its data URL, or None."""
    colour = VERDICT_COLOURS.get(card.verdict_key, INK)
    text_right = 640 if cover else 1136
    size, lines = fit(french_spacing(f"« {card.claim} »"), SERIF_BOLD, (58, 52, 46, 41, 36),
                      text_right - 64, 6)
    leading = round(size * 1.22)
    top = 150 + size
    parts = [
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
        f'<rect y="{HEIGHT - 18}" width="{WIDTH}" height="18" fill="{colour}"/>',
        _text([french_spacing(card.site_name)], 64, 92, 34, 0, SANS_BOLD_FAMILY, INK),
        _text([card.category.upper()], 64, HEIGHT - 56, 24, 0, SANS_BOLD_FAMILY, MUTED),
        _text(lines, 64, top, size, leading, SERIF_FAMILY, INK),
    ]
    label = card.verdict_label
    badge_size = 44
    badge_width = text_width(label, SANS_BOLD, badge_size) + 64
    if cover:
        parts += [
            '<clipPath id="c"><rect x="680" y="64" width="456" height="240" rx="12"/></clipPath>',
            f'<image x="680" y="64" width="456" height="240" clip-path="url(#c)" '
            f'preserveAspectRatio="xMidYMid slice" href="{escape(cover)}"/>',
            f'<rect x="680" y="64" width="456" height="240" rx="12" fill="none" '
            f'stroke="{LINE}" stroke-width="2"/>',
        ]
        badge_x, badge_y, verdict_y = 680, 390, 366
    else:
        badge_x, badge_y, verdict_y = 64, HEIGHT - 190, HEIGHT - 204
    parts += [
        _text(["Verdict"], badge_x, verdict_y, 26, 0, SANS_BOLD_FAMILY, MUTED),
        f'<rect x="{badge_x}" y="{badge_y}" width="{badge_width:.0f}" height="84" rx="42" '
        f'fill="{colour}"/>',
        _text([label], badge_x + 32, badge_y + 58, badge_size, 0, SANS_BOLD_FAMILY, "#ffffff"),
    ]
    return _svg(parts)


def site_svg(name: str, description: str, verdicts: list[tuple[str, str]]) -> str:
    """The SVG of the site's card: its name, its description and the verdict scale."""
    size, lines = fit(french_spacing(description), SERIF_BOLD, (40, 36, 32, 28), WIDTH - 128, 4)
    parts = [
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
        _text([french_spacing(name)], 64, 150, 88, 0, SANS_BOLD_FAMILY, INK),
        _text(lines, 64, 240, size, round(size * 1.3), SERIF_FAMILY, MUTED),
    ]
    x = 64.0
    for key, label in verdicts:
        width = text_width(label, SANS_BOLD, 28) + 40
        parts += [f'<rect x="{x:g}" y="500" width="{width:.0f}" height="56" rx="28" '
                  f'fill="{VERDICT_COLOURS.get(key, INK)}"/>',
                  _text([label], x + 20, 538, 28, 0, SANS_BOLD_FAMILY, "#ffffff")]
        x += round(width) + 16
    return _svg(parts)


def _svg(parts: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>')


#: Changes when the fonts, the renderer or this module's drawing change, so that a cached card
#: is never one drawn by other code.
_VERSION = f"{resvg_py.__version__}|{resvg_py.__resvg_version__}|1"


def _png(svg: str) -> bytes:
    return bytes(resvg_py.svg_to_bytes(
        svg_string=svg, skip_system_fonts=True, font_files=[str(SERIF_BOLD), str(SANS_BOLD)],
        font_family=SANS_FAMILY, sans_serif_family=SANS_FAMILY, serif_family=SERIF_FAMILY))


def default_cache_dir() -> Path | None:
    """``vraioufaux/cards`` in the user's cache folder (``XDG_CACHE_HOME``, else ``~/.cache``);
    ``VRAIOUFAUX_CARDS_CACHE`` names another folder, or, empty, turns the disk cache off (the
    benchmark measures a fresh build so)."""
    chosen = os.environ.get("VRAIOUFAUX_CARDS_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vraioufaux" / "cards"


class CardRenderer:
    """Renders cards, cached by content: the hash of the SVG (and of ``_VERSION``) names the
    PNG, kept on disk across builds when ``cache_dir`` is given and writable, else in memory for
    the process (the preview renders again only the cards whose text or cover changed). A PNG
    costs about 70 ms to render; a cached one, reading a file."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self._memory: dict[str, bytes] = {}
        self.rendered = 0

    def __call__(self, svg: str) -> bytes:
        key = hashlib.sha256(f"{_VERSION}\n{svg}".encode()).hexdigest()
        if key in self._memory:
            return self._memory[key]
        path = self.cache_dir / f"{key}.png" if self.cache_dir else None
        png = None
        if path is not None:
            try:
                png = path.read_bytes()
            except OSError:
                png = None
        if png is None:
            png = _png(svg)
            self.rendered += 1
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    temporary = path.with_suffix(f".{os.getpid()}.tmp")
                    temporary.write_bytes(png)
                    temporary.replace(path)
                except OSError:
                    pass  # no cache: the next build renders the card again
        if path is None or not path.is_file():  # else the disk keeps it
            self._memory[key] = png
        return png

    def article(self, card: ArticleCard) -> bytes:
        cover = cover_data_url(card.cover) if card.cover else None
        if cover is not None:
            try:
                return self(article_svg(card, cover))
            except ValueError:  # resvg refused the cover: the card goes without it
                pass
        return self(article_svg(card, None))

    def site(self, name: str, description: str, verdicts: list[tuple[str, str]]) -> bytes:
        return self(site_svg(name, description, verdicts))
