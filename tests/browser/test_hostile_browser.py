"""What a stranger's pull request may leave in a page that builds (comments, escaped markup,
code) stays inert in Chromium: no dialog, no request to another host, the markup shown as
text. Pages that would hold anything that runs do not build at all
(``tests/publication/site/test_hostile_content.py``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.helpers import ROOT, build, myth

from .conftest import serving

pytestmark = pytest.mark.browser

INERT = """Un commentaire <!-- <script>alert("commentaire")</script> --> disparaît.

Du texte échappé : &lt;script&gt;alert("texte")&lt;/script&gt;.

Du code : `<img src=x onerror=alert("code")>`.

```html
<script>alert("bloc")</script>
```

Une note[^1].

[^1]: <abbr title="javascript:alert('titre')">Titre</abbr> trompeur, mais du texte.
"""


@pytest.fixture(scope="module")
def inert_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("inert")
    for name in ("content", "site_overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "content" / "mythes" / "inerte.md").write_text(myth(INERT), encoding="utf-8")
    with serving(build(project)) as url:
        yield url


def test_markup_left_in_a_page_that_builds_never_runs(visit, inert_site_url: str) -> None:
    session = visit(375)
    dialogs: list[str] = []
    session.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    session.page.goto(inert_site_url + "mythes/inerte/")
    session.page.wait_for_load_state("networkidle")
    body = session.page.locator(".vf-body")
    text = body.inner_text()
    assert dialogs == []
    assert '<script>alert("texte")</script>' in text
    assert '<img src=x onerror=alert("code")>' in text
    assert '<script>alert("bloc")</script>' in text
    assert 'alert("commentaire")' not in text
    assert session.page.locator(".vf-body script, .vf-body [onerror]").count() == 0
