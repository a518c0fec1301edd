"""The ``corrections`` field of an article's front matter: each problem in French, at the
line of the item's field, and every check a correction must pass (date, order, markup,
required fields)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from publication.__main__ import main
from publication.model.schema import validate
from tests.helpers import guide_example, myth

PUBLISHED = dt.date(2026, 11, 2)
VALID = {"date": dt.date(2026, 11, 20), "what": "Le chiffre des trajets est corrigé.",
         "why": "Nous avions lu la mauvaise ligne du tableau de l’ADEME."}


def article(corrections: Any) -> dict[str, Any]:
    """A valid front matter, as YAML gives it, with ``corrections``."""
    return {"title": "Un mythe", "claim": "Le mythe, c’est vrai ?", "verdict": "faux",
            "date": PUBLISHED, "author": "La rédaction", "category": "Technologie",
            "description": "Un résumé.", "summary": "En bref.", "cover": "images/chatgpt.svg",
            "cover_alt": "Une image.", "corrections": corrections}


def problems(corrections: Any) -> list[str]:
    return [message for _, message, _ in validate(article(corrections))[1]]


def test_valid_corrections_are_kept_oldest_first() -> None:
    later = {**VALID, "date": dt.date(2026, 11, 25), "what": "Le verdict passe à « trompeur »."}
    meta, found = validate(article([later, VALID]))
    assert found == []
    assert [c.date for c in meta.corrections] == [VALID["date"], later["date"]]
    assert meta.corrections[1].what == "Le verdict passe à « trompeur »."


def test_an_article_without_corrections_is_valid() -> None:
    meta, found = validate({k: v for k, v in article(None).items() if k != "corrections"})
    assert found == [] and meta.corrections is None


@pytest.mark.parametrize(("corrections", "expected"), [
    ([{**VALID, "date": "2026-13-45"}],
     "« corrections » : correction 1 : « date » : « 2026-13-45 » n’est pas une date valide"),
    ([{**VALID, "date": dt.date(2026, 11, 1)}],
     "« corrections » : correction datée du 2026-11-01, avant la publication de l’article "
     "(2026-11-02)"),
    ([VALID, {"date": VALID["date"], "what": "Un ajout."}],
     "« corrections » : correction 2 : champ obligatoire « why » manquant"),
    ([{**VALID, "what": "Le lien <a href=x>ici</a>."}],
     "« corrections » : correction 1 : « what » : ne doit contenir ni « < », ni « > »"),
    ([{**VALID, "why": "Une <script>"}],
     "« corrections » : correction 1 : « why » : ne doit contenir ni « < », ni « > »"),
    ([{**VALID, "date": dt.date.today() + dt.timedelta(days=1)}],
     "« corrections » : correction 1 : la date "
     f"{(dt.date.today() + dt.timedelta(days=1)).isoformat()} est dans le futur"),
    ([{**VALID, "wht": "Un ajout."}],
     "« corrections » : correction 1 : champ inconnu « wht » (vouliez-vous dire"),
    (["Le chiffre est corrigé."],
     "« corrections » : correction 1 : doit avoir les champs « date », « what » et « why »"),
    ("Le chiffre est corrigé.", "« corrections » : doit être une liste de corrections"),
    ([], "« corrections » : doit être une liste de corrections"),
])
def test_a_wrong_correction_is_refused_in_french(corrections: Any, expected: str) -> None:
    found = problems(corrections)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_correction_on_the_day_of_the_build_is_accepted() -> None:
    today = dt.date.today()
    meta, found = validate({**article([{**VALID, "date": today}]), "date": today})
    assert found == [] and meta.corrections[0].date == today


def test_check_reports_each_problem_at_the_line_of_the_field(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Through the YAML parser: an impossible date inside the list stays the date's problem."""
    def corrected(items: str) -> str:
        return myth("Texte.").replace("---\n\n", f"corrections:\n{items}---\n\n", 1)

    texts = {
        "impossible": corrected("  - date: 2026-13-45\n    what: Un chiffre.\n    why: Une "
                                "erreur.\n  - date: 2026-11-30\n    what: Un autre.\n    why: "
                                "Une autre erreur.\n"),
        "avant": corrected("  - date: 2026-11-01\n    what: Un chiffre.\n    why: Une "
                           "erreur.\n"),
        "balise": corrected("  - date: 2026-11-30\n    what: Un <b>chiffre</b>.\n    why: Une "
                            "erreur.\n"),
    }
    project = make_project(keep_articles=False,
                           articles={f"mythes/{name}.md": text for name, text in texts.items()})
    code = main(["check", "--config-file", str(project / "mkdocs.yml")])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert code == 1
    line = myth("Texte.").split("\n").index("---", 1) + 1  # where « corrections: » is written
    for name, at, expected in (
            ("impossible", 1, "correction 1 : « date » : « 2026-13-45 » n’est pas une date "
                              "valide"),
            ("avant", 1, "correction datée du 2026-11-01, avant la publication de l’article"),
            ("balise", 2, "correction 1 : « what » : ne doit contenir ni « < », ni « > »")):
        assert f"content/mythes/{name}.md:{line + at}: « corrections » : {expected}" in output
    assert "correction 2" not in output


def test_the_guide_s_corrections_example_passes_check(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    example = guide_example("exemple-corrections")
    last_field = example.split("\n")[0]
    complete = guide_example("exemple-complet")
    assert last_field in complete
    project = make_project(articles={"mythes/corrige.md": complete.replace(
        last_field + "\n", example, 1)})
    code = main(["check", "--config-file", str(project / "mkdocs.yml")])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err


def test_an_article_dated_in_the_future_is_refused() -> None:
    """Review of 2026-12-01: an article dated 2099 dated the sitemap and the feed, sorted first
    for years, and could never be corrected."""
    meta = {key: value for key, value in (
        ("title", "Un mythe"), ("claim", "Une idée reçue ?"), ("verdict", "faux"),
        ("date", dt.date(2099, 1, 1)), ("author", "La rédaction"), ("category", "Technologie"),
        ("description", "Un résumé."), ("summary", "Deux phrases. Voilà."),
        ("cover", "images/a.svg"), ("cover_alt", "Une image."))}
    _, problems = validate(meta)
    assert [(key, message) for key, message, _ in problems] == [
        ("date", "« date » : la date 2099-01-01 est dans le futur : datez l’article du jour de "
                 "sa publication")]
