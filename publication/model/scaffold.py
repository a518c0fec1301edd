"""``new``: a new myth's file, with every front-matter field and placeholders to fill in.

The placeholders are ``schema.PLACEHOLDER``, which ``check`` refuses wherever it is left, so an
article cannot be published half-written. An existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.base import ValidationError

from publication.model.schema import CATEGORIES, PLACEHOLDER, ArticleMeta
from publication.model.slugs import slug_problem, slugify
from publication.model.verdicts import VERDICTS
from vocabulary.errors import ContentError

TEMPLATE = """\
---
title: {title}
claim: "{todo} : l’idée reçue telle qu’on l’entend, par exemple « Le cloud, c’est léger ? »"
verdict: {todo}  # {verdicts}
date: {date}
author: {todo}
category: {todo}  # {categories}
tags: [{todo}]
description: >-
  {todo} : deux phrases qui résument la réponse, pour la liste des articles et les partages.
summary: >-
  {todo} : « En bref », deux ou trois phrases sous le verdict, qui donnent la réponse et ses
  chiffres clés, chacun appelé comme dans le texte.
cover: images/{slug}.svg
cover_alt: "{todo} : ce que montre l’image, pour qui ne la voit pas."
---

{{# Écrivez ici. Chaque chiffre vient d’un paramètre ou d’un calculateur, par exemple :
    {{{{ param("gpt3_training_days") | figure("day", long=True) }}}}
    {{{{ gpt3_training_emissions() | figure("tCO2e", digits=2, long=True) }}}}
    {{{{ cite("patterson2021") }}}}
  La liste des noms : make calculators. Le guide : CONTRIBUTING.md.
  Ce commentaire n’apparaît pas sur le site ; supprimez-le quand vous voulez. #}}

{todo} : l’accroche, en deux ou trois phrases.

## {todo} : un intertitre

{todo}

## Alors, verdict ?

{todo}
"""


def _refused(message: str) -> ContentError:
    """Why the article cannot be created, in French."""
    return ContentError(None, None, message)


def article_text(title: str, slug: str, today: dt.date) -> str:
    """The new article's text."""
    return TEMPLATE.format(
        title=json.dumps(title, ensure_ascii=False), slug=slug, date=today.isoformat(),
        todo=PLACEHOLDER, verdicts=", ".join(VERDICTS), categories=", ".join(CATEGORIES),
    )


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    option = dict(ArticleMeta._schema)["title"]
    try:
        option.validate(title)
    except ValidationError as error:
        raise _refused(f"le titre « {title} » ne convient pas : {error}") from error
    return title


def new_article(title: str, articles_dir: Path, today: dt.date, slug: str | None = None,
                display: Callable[[Path], str] = str) -> Path:
    """Create ``<articles_dir>/<slug>.md`` for the myth ``title``; never overwrite a file.

    ``display`` writes a path as the editor should read it in messages.
    """
    title = _check_title(title)
    slug = slug or slugify(title)
    if not slug:
        raise _refused("ce titre ne donne aucun nom de fichier : ajoutez des lettres, ou "
                            "choisissez-le avec --slug mon-mythe")
    problem = slug_problem(slug)
    if problem:
        raise _refused(problem)
    taken = sorted(articles_dir.rglob(f"{slug}.md")) if articles_dir.is_dir() else []
    if taken:
        raise _refused(f"le fichier {display(taken[0])} existe déjà : rien n’a été écrit. "
                            "Choisissez un autre nom avec --slug, ou modifiez l’article existant")
    path = articles_dir / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(article_text(title, slug, today))
    except FileExistsError as error:
        raise _refused(f"le fichier {display(path)} existe déjà : rien n’a été écrit") \
            from error
    return path
