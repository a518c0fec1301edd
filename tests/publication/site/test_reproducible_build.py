"""Two builds of the same sources give identical files, byte for byte."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from publication.cli.build import build_site, source_date_epoch
from tests.helpers import snapshot

SOURCE_DATE = "1764288000"  # 2025-11-28 00:00 UTC


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name))


def test_two_builds_give_identical_files(make_project: Callable[..., Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE)
    assert build_site(project / "mkdocs.yml", project / "premier") == 0
    assert build_site(project / "mkdocs.yml", project / "second") == 0
    first = snapshot(project / "premier")
    # The search index is compared too.
    assert {"sitemap.xml.gz", "search/articles/0.json", "figures.json"} <= first.keys()
    assert any(name.startswith("search/words/") for name in first)
    assert differences(first, snapshot(project / "second")) == []

    # Each page's date comes from its sources (outside git: the articles' own dates,
    # publication/site/sitemap.py), neither from the clock nor from SOURCE_DATE_EPOCH; the
    # gzipped copy is dated by the latest of them.
    sitemap = first["sitemap.xml"].decode("utf-8")
    dates = re.findall(r"<lastmod>([\d-]+)</lastmod>", sitemap)
    assert len(dates) == sitemap.count("<lastmod>") > 0
    assert "2025-11-28" not in dates
    assert gzip.decompress(first["sitemap.xml.gz"]).decode("utf-8") == sitemap
    latest = dt.datetime.fromisoformat(max(dates)).replace(tzinfo=dt.UTC)
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == int(latest.timestamp())

    # build_site fixes PYTHONHASHSEED, but nothing relies on it: another seed, same files.
    env = {**os.environ, "PYTHONHASHSEED": "1", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "--config-file", str(project / "mkdocs.yml"),
                    "--site-dir", str(project / "autre-graine")], env=env, check=True)
    assert differences(first, snapshot(project / "autre-graine")) == []


def test_the_source_date_is_the_last_commits(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert source_date_epoch(tmp_path) == "0"  # no commit yet
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    commit = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", "commit",
              "-q", "--allow-empty", "-m", "t", "--date", "2025-11-28T12:00:00Z"]
    subprocess.run(commit, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2025-11-28T12:00:00Z"})
    assert source_date_epoch(tmp_path) == str(int(SOURCE_DATE) + 12 * 3600)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    assert source_date_epoch(tmp_path) == "42"
