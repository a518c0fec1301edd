"""Run a command as a fresh process and measure its wall time and peak memory."""

from __future__ import annotations

import io
import os
import platform
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from publication.cli.build import REPRODUCIBLE_ENV

#: Every build gets this environment: reproducible output, no MkDocs 2 banner.
BUILD_ENV = {**os.environ, **REPRODUCIBLE_ENV}


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the child
    peak_rss_mb: float  # the child's own ru_maxrss (os.wait4), in MiB
    returncode: int
    stderr: str


def run(command: list[str], timeout: float, cwd: Path | None = None,
        code: Path | None = None) -> Run:
    """``command`` in a child process; killed after ``timeout`` seconds.

    ``code``: a folder whose packages (calculators, macros, publication) are imported instead
    of the installed ones, to measure another revision of our code.
    """
    env = dict(BUILD_ENV)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(code), env.get("PYTHONPATH"))))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=err)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            # wait4 gives this child's own rusage, not the maximum over every child so far.
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, stderr)


def mkdocs_build(config: Path, site_dir: Path, timeout: float = 600,
                 code: Path | None = None) -> Run:
    """``mkdocs build --strict`` of ``config`` into ``site_dir``; raises if the build fails."""
    # Run from the project folder: ``python -m`` puts the working directory first on sys.path,
    # so a run from the repository would import its packages whatever ``code`` says.
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
                  "--config-file", str(config.resolve()), "--site-dir", str(site_dir.resolve())],
                 timeout, cwd=config.resolve().parent, code=code)
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed ({result.returncode}):\n{result.stderr}")
    return result


def imported_from(code: Path | None, cwd: Path) -> Path:
    """Where a build run as ``mkdocs_build`` does would import our renderer from."""
    env = dict(BUILD_ENV)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    found = subprocess.run([sys.executable, "-c", "import macros.render as m; print(m.__file__)"],
                           cwd=cwd, env=env, capture_output=True, text=True, check=True,
                           timeout=60).stdout.strip()
    return Path(found).parent.parent


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so temporary folders and servers are cleaned up."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def export_revision(revision: str, dest: Path) -> Path:
    """The files of git ``revision`` of this repository, written into ``dest``."""
    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", revision],
                             capture_output=True, check=True, timeout=120).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {name: _version(name) for name in
                ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pint", "babel",
                 "playwright", "snowballstemmer", "ecoindex-compute")}
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        **versions,
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"
