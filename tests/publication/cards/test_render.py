"""Share cards: PNG of the announced size, the same bytes each time, a hostile cover left out."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from publication.cards.render import (
    FONTS,
    SERIF_BOLD,
    ArticleCard,
    CardRenderer,
    article_svg,
    cover_data_url,
    default_cache_dir,
    fit,
    wrap,
)

COVER = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 420">
<rect width="800" height="420" fill="#1f3a5f"/><circle cx="400" cy="210" r="100" fill="#fff"/>
</svg>"""


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def card(cover: Path | None, claim: str = "Le numérique, c’est immatériel, non ?") -> ArticleCard:
    return ArticleCard("Vrai ou faux\u202f?", claim, "plutot-faux", "Plutôt faux", "Société",
                       cover)


@pytest.fixture
def cover(tmp_path: Path) -> Path:
    path = tmp_path / "couverture.svg"
    path.write_text(COVER, encoding="utf-8")
    return path


def test_an_article_card_is_a_1200_by_630_png(cover: Path) -> None:
    png = CardRenderer().article(card(cover))
    assert png_size(png) == (1200, 630)


def test_the_same_card_is_the_same_bytes_from_two_renderers(cover: Path, tmp_path: Path) -> None:
    first = CardRenderer().article(card(cover))
    second = CardRenderer(tmp_path / "cache").article(card(cover))
    assert first == second
    # and the disk cache gives those bytes back without rendering
    cached = CardRenderer(tmp_path / "cache")
    assert cached.article(card(cover)) == first and cached.rendered == 0
    assert CardRenderer().article(card(cover, "Une autre idée reçue")) != first


def test_the_site_card_is_a_1200_by_630_png() -> None:
    png = CardRenderer().site("Vrai ou faux\u202f?", "Les idées reçues.", [("faux", "Faux")])
    assert png_size(png) == (1200, 630)


def test_the_cover_is_drawn_and_a_card_without_cover_is_flat(cover: Path) -> None:
    with_cover = article_svg(card(cover), cover_data_url(cover))
    assert 'href="data:image/svg+xml;base64,' in with_cover
    assert "<image" not in article_svg(card(None), None)


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/x.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    '<svg xmlns="http://www.w3.org/2000/svg">' + "<rect/>" * 3000 + "</svg>",
    '<svg xmlns="http://www.w3.org/2000/svg"><filter id="f">' + "<feGaussianBlur/>" * 20
    + "</filter></svg>",
    "<svg",
], ids=["external", "script", "doctype", "too-many-elements", "too-many-filters", "broken"])
def test_a_cover_that_is_not_plain_drawing_is_left_out(svg: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.svg"
    path.write_text(svg, encoding="utf-8")
    assert cover_data_url(path) is None
    assert png_size(CardRenderer().article(card(path))) == (1200, 630)


def test_a_missing_or_huge_cover_is_left_out(tmp_path: Path) -> None:
    assert cover_data_url(tmp_path / "absent.svg") is None
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", 60000, 60000))
    assert cover_data_url(huge) is None


def test_texts_are_escaped(tmp_path: Path) -> None:
    svg = article_svg(card(None, 'Les <script> & "guillemets" ?'), None)
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp;" in svg


def test_wrapping_keeps_no_break_spaces_and_fits_the_width() -> None:
    lines = wrap("Ça consomme presque rien, non\u202f?", SERIF_BOLD, 58, 400)
    assert len(lines) > 1 and lines[-1].endswith("non\u202f?")
    size, lines = fit("mot " * 200, SERIF_BOLD, (58, 36), 576, 6)
    assert size == 36 and len(lines) == 6 and lines[-1].endswith("…")


def test_the_fonts_ship_with_their_licence() -> None:
    assert (FONTS / "LICENSE-DejaVu.txt").read_text(encoding="utf-8").count("Bitstream") > 1
    assert sorted(p.name for p in FONTS.glob("*.ttf")) == ["DejaVuSans-Bold.ttf",
                                                          "DejaVuSerif-Bold.ttf"]


def test_the_cache_folder_can_be_chosen_or_turned_off(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("VRAIOUFAUX_CARDS_CACHE", raising=False)
    assert default_cache_dir() == tmp_path / "vraioufaux" / "cards"
    monkeypatch.setenv("VRAIOUFAUX_CARDS_CACHE", str(tmp_path / "ailleurs"))
    assert default_cache_dir() == tmp_path / "ailleurs"
    monkeypatch.setenv("VRAIOUFAUX_CARDS_CACHE", "")
    assert default_cache_dir() is None
