"""Entry point of the frozen application (PyInstaller runs this script, not ``__main__.py``).

Two things differ from a run from source, and both must happen before the app's code:

* A windowed Windows build has no console: ``sys.stdout`` and ``sys.stderr`` are None, and
  the command line's first ``print`` (or the logging module's last-resort handler) would
  raise. They are pointed at the null device; the console build ``mktplanner-cli.exe``
  keeps its real streams.
* matplotlib's font cache goes to a persistent folder in the user's data folder
  (``paths.configure_matplotlib_env``). The spec drops PyInstaller's own run-time hook
  for matplotlib, which would point ``MPLCONFIGDIR`` at a new temporary folder on every
  launch and rebuild the font cache each time (a second or more per start).
"""

import os
import sys


def _null_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _matplotlib_cache() -> None:
    from mktplanner import paths

    try:
        paths.configure_matplotlib_env()
    except OSError:
        # An unwritable data folder: matplotlib falls back to a temporary cache by itself,
        # and the app reports the data folder's problem where it matters.
        pass


def main() -> int:
    _null_streams()
    _matplotlib_cache()
    from mktplanner.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
