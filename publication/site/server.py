"""The preview server's side of a failed build: the browser shows the errors, then reloads.

MkDocs 1.6's ``LiveReloadServer`` (``mkdocs/livereload/__init__.py``) runs the builder in its
build loop; when the builder raises, it logs the error and leaves its *visible epoch* behind the
*wanted* one. Every page request waits for the two to match, and every open page's livereload
poll waits for a newer epoch: the browser shows nothing until a build succeeds.

``show_failures`` (from the plugin's ``on_serve``) changes two things on the server object:

- its builder: a failed build is logged, leaves the failure page of ``publication.site.failure``
  in the served folder (the plugin writes it in ``on_build_error``, this writes a plain one if
  the build stopped before the plugin could), and returns normally, so the server moves to the
  new epoch and every open page reloads;
- its WSGI application: while the failure page is there, every page request (a path ending in
  ``/`` or ``.html``) is answered with it, through the server's own file serving, which adds
  the livereload script; assets and livereload polls are served as before. The next successful
  build removes the page and the server reloads the browsers onto the site.

The served folder keeps the last good pages, so the dirty preview goes on from them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from publication.site.failure import FAILURE_PAGE, clear_failure, write_failure
from vocabulary.errors import ContentError

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

_SHOWN = ("La construction a échoué : le navigateur affiche les erreurs et se rechargera dès "
          "qu’elles seront corrigées.")


def _is_page(path: str) -> bool:
    return path.endswith(("/", ".html"))


def failed_builder(build: Callable[..., None], site_dir: Path) -> Callable[..., None]:
    """``build``, except that a failure leaves the failure page and returns."""

    def builder(*args: Any, **kwargs: Any) -> None:
        clear_failure(site_dir)
        try:
            build(*args, **kwargs)
        except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
            if not (site_dir / FAILURE_PAGE).is_file():
                write_failure(site_dir, [ContentError(
                    None, None, f"la construction a échoué : {error}",
                    "le terminal de make serve en dit plus ; signalez-le aux développeurs si "
                    "le message ne suffit pas")])
            log.error(_SHOWN)

    return builder


def failure_app(serve: Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]],
                wait_for_build: Callable[[], None], mount_path: str, site_dir: Path
                ) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """The WSGI application ``serve``, answering page requests with the failure page while
    there is one. ``wait_for_build`` returns once no build is running."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if _is_page(environ.get("PATH_INFO", "")):
            wait_for_build()
            if (site_dir / FAILURE_PAGE).is_file():
                environ = {**environ, "PATH_INFO": mount_path + FAILURE_PAGE}
        return serve(environ, start_response)

    return app


def show_failures(server: Any, site_dir: str) -> None:
    """Make the ``LiveReloadServer`` ``server`` show failed builds in the browser."""
    folder = Path(site_dir)
    server.builder = failed_builder(server.builder, folder)

    def wait_for_build() -> None:
        # The same wait the server does before serving a file (a private API of MkDocs 1.6,
        # pinned in requirements.lock; tests/publication/site/test_failure.py covers it).
        with server._epoch_cond:
            server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)

    server.set_app(failure_app(server.serve_request, wait_for_build, server.mount_path, folder))
