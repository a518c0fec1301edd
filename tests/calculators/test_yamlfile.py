"""The YAML loader of data files and front matter: plain data only, every refusal located."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from calculators.loading import DATA_DIR
from calculators.yamlfile import (
    MAX_DEPTH,
    SAFE_LOADER,
    PlainDataLoader,
    RefusedYAMLError,
    declared_keys,
    read_entries,
)
from publication.model.frontmatter import split

LOADERS = sorted({SAFE_LOADER, PlainDataLoader}, key=lambda loader: loader.__name__)


def entries_of(tmp_path: Path, text: str) -> tuple[list, list[str]]:
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    entries, errors = read_entries(path, "f.yml")
    return entries, [str(error) for error in errors]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize(("text", "line"), [
    ("a: &x 1\nb: 2\n", 1),
    ("a: 1\nb: *x\n", 2),
    ("a:\n  - [x]\n  - &l [y]\n", 3),
    ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", 1),
])
def test_both_loaders_refuse_anchors_aliases_and_deep_nesting(loader: type, text: str,
                                                               line: int) -> None:
    with pytest.raises(RefusedYAMLError) as caught:
        loader(text).get_single_node()
    assert caught.value.problem_mark.line + 1 == line


def test_the_loader_composes_the_project_data_as_libyaml_does() -> None:
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(DATA_DIR.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert str(SAFE_LOADER(text).get_single_node()) == str(fast(text).get_single_node())


def test_an_alias_bomb_in_a_data_file_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    levels = "".join(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
    entries, errors = entries_of(tmp_path, "bombe:\n  l0: &l0 [rire]\n" + levels)
    assert entries == []
    assert errors == ["f.yml:2: YAML invalide : un « & » en début de valeur fait une ancre YAML, "
                      "interdite ici ; écrivez la valeur en entier, ou mettez le texte entre "
                      "guillemets"]


@pytest.mark.parametrize(("field", "message"), [
    ("published: 2026-13-45", "« published » : date impossible « 2026-13-45 »"),
    ("label: !!python/object/apply:os.system [id]",
     "« label » : étiquette YAML refusée « !!python/object/apply:os.system »"),
    ("label: !!binary 'a'", "« label » : donnée binaire illisible"),
    ("label: !perso texte", "« label » : étiquette YAML refusée « !perso »"),
    ("value: " + "9" * 5000, "« value » : nombre entier trop long"),
    ("note: [un, !!python/name:os.system x]",
     "« note » : étiquette YAML refusée « !!python/name:os.system »"),
])
def test_a_value_yaml_cannot_build_is_a_located_error(tmp_path: Path, field: str,
                                                      message: str) -> None:
    entries, errors = entries_of(tmp_path, f"p:\n  autre: x\n  {field}\n  locator: page 2\n")
    [error] = errors
    assert error.startswith(f"f.yml:3: « p » : {message}"), error
    [entry] = entries
    assert entry.fields["locator"] == "page 2"  # the rest of the entry is still read


def test_a_list_as_an_identifier_is_refused(tmp_path: Path) -> None:
    _, errors = entries_of(tmp_path, "? [a, b]\n: {label: x}\n")
    assert errors == ["f.yml:1: identifiant invalide : une liste ou un bloc\n    → un identifiant "
                      "s’écrit en minuscules, suivi de « : »"]


@pytest.mark.parametrize(("front_matter", "line", "gist"), [
    ("title: &t Un titre\nclaim: *t\n", 2, "un « & » en début de valeur fait une ancre YAML"),
    ("title: Un titre\nclaim: *emphase\n", 3, "un « * » en début de valeur fait un alias YAML"),
    ("title: !!python/object/apply:os.system [id]\n", 2, "une étiquette YAML « !… » refusée"),
])
def test_front_matter_refuses_the_same_yaml(front_matter: str, line: int, gist: str) -> None:
    from vocabulary.errors import ContentError

    with pytest.raises(ContentError) as caught:
        split(f"---\n{front_matter}---\nTexte.\n", "content/mythes/x.md")
    assert (caught.value.file, caught.value.line) == ("content/mythes/x.md", line)
    assert caught.value.message.startswith(f"en-tête YAML invalide : {gist}")


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a:\n  requires:\n    - that: x\n    otherwise: y\n", 4, "l’indentation d’une liste"),
    ("a:\n  requires:\n    - ? [a, b]\n      : 1\n", 3, "un nom de champ entre crochets"),
    ("a:\n  b: " + "[" * 200 + "]" * 200 + "\n", 2, "imbriqués sur plus de"),
])
def test_list_mistakes_are_told_in_french_at_their_line(tmp_path: Path, text: str, line: int,
                                                       words: str) -> None:
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    [error] = read_entries(path, "f.yml")[1]
    assert error.line == line and words in error.message


def test_the_ids_of_a_file_yaml_cannot_read_are_found_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_text("first:\n  label: x\n   bad: [\nsecond :\n  - y\n  nested: z\n",
                    encoding="utf-8")
    assert read_entries(path, "f.yml")[1]
    assert declared_keys(path) == {"first", "second"}
