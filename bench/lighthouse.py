"""Lighthouse scores of each page type of a built site, served gzip-compressed on 127.0.0.1.

Lighthouse is not a dependency of the project: install it once outside the tree
(``npm install --prefix /tmp/lh lighthouse``) and pass its path. Nothing is fetched from
another host; Chromium is the machine's (``/usr/bin/chromium``).

    python -m bench.lighthouse SITE_DIR --lighthouse /tmp/lh/node_modules/.bin/lighthouse
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

from bench.serving import serve

#: One page of each type, as the site writes them.
PAGES = {"home": "", "category": "categories/technologie/",
         "article": "mythes/chatgpt-magique/", "calcul": "mythes/chatgpt-magique/calcul/",
         "search": "recherche/", "scale": "grille-des-verdicts/", "404": "404.html"}
CATEGORIES = "performance,accessibility,best-practices,seo"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--lighthouse", required=True, help="the lighthouse executable")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home, serve(options.site) as server:
        for name, path in PAGES.items():
            out = Path(home) / f"{name}.json"
            command = [options.lighthouse, server.base + path, "--quiet", "--output=json",
                       f"--output-path={out}", f"--only-categories={CATEGORIES}",
                       "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
            if options.preset == "desktop":
                command.append("--preset=desktop")
            done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                                  env={"CHROME_PATH": options.chromium, "PATH": "/usr/bin:/bin",
                                       "HOME": home}, check=False)
            if done.returncode:
                print(f"{name}: failed: {done.stderr[-300:]}")
                continue
            report = json.loads(out.read_text(encoding="utf-8"))
            scores = " ".join(f"{key} {round(value['score'] * 100)}"
                              for key, value in report["categories"].items())
            shift = report["audits"]["cumulative-layout-shift"]["displayValue"]
            print(f"{name}: {scores}, layout shift {shift}")


if __name__ == "__main__":
    main()
