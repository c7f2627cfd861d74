"""Logging to a rotating file in the user's data folder.

A user never sees a traceback: the CLI and the GUI call :func:`log_exception`,
which writes the traceback to the log and returns the log file's path, and show
that path in a one-sentence apology.
"""

import logging
import logging.handlers
import sys
import tempfile
import traceback
from pathlib import Path

from mktplanner import paths

LOG_FILE_NAME = "mktplanner.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# Libraries that are chatty at DEBUG level and say nothing useful about our app.
_NOISY = ("matplotlib", "PIL", "fontTools", "alembic.runtime.migration")

_logger = logging.getLogger("mktplanner")
_state = {"verbose": False}


class _AppFileHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler as ours so that setup_logging can find it again."""


class _AppConsoleHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The verbose-mode echo on stderr."""


def _log_file() -> Path:
    try:
        return paths.logs_dir() / LOG_FILE_NAME
    except OSError:
        # An unwritable data folder must not turn an error report into a crash.
        fallback = Path(tempfile.gettempdir()) / "mktplanner-logs"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback / LOG_FILE_NAME


def _our_handlers(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if isinstance(h, _AppFileHandler | _AppConsoleHandler)]


def current_log_file() -> Path | None:
    """The file the log currently goes to, or None before :func:`setup_logging`."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _AppFileHandler):
            return Path(handler.baseFilename)
    return None


def setup_logging(verbose: bool = False) -> Path:
    """Send log records to ``logs_dir()/mktplanner.log`` (1 MB x 3 rotating files).

    Safe to call more than once: the handler is installed once per log file; a
    later call only adjusts the level, or moves the log when the data folder
    changed (tests give every test its own data folder). With ``verbose`` the
    level is DEBUG and records are echoed on stderr too. Returns the log file.
    """
    root = logging.getLogger()
    target = _log_file()
    _state["verbose"] = verbose
    level = logging.DEBUG if verbose else logging.INFO

    file_handler: _AppFileHandler | None = None
    for handler in _our_handlers(root):
        if isinstance(handler, _AppFileHandler) and Path(handler.baseFilename) == target:
            file_handler = handler
            continue
        if isinstance(handler, _AppConsoleHandler) and verbose:
            continue
        root.removeHandler(handler)
        handler.close()

    if file_handler is None:
        file_handler = _AppFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(file_handler)
    file_handler.setLevel(level)

    if verbose and not any(isinstance(h, _AppConsoleHandler) for h in root.handlers):
        console = _AppConsoleHandler(sys.stderr)
        console.setFormatter(logging.Formatter(_FORMAT))
        console.setLevel(logging.DEBUG)
        root.addHandler(console)

    root.setLevel(level)
    for name in _NOISY:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)
    return target


def log_exception(exc: BaseException, context: str) -> Path:
    """Write ``exc`` with its traceback to the log and return the log file's path.

    ``context`` says what the user was doing ("export PDF", "open plan"). Never
    raises: if the log cannot be written, the traceback goes to a file in the
    temporary folder and that path is returned.
    """
    log_file: Path | None
    try:
        # Re-targets the log if the data folder changed since the last setup.
        log_file = setup_logging(verbose=_state["verbose"])
    except Exception:  # reporting an error must not raise another
        log_file = current_log_file()
    try:
        _logger.error("%s failed: %s", context, exc, exc_info=(type(exc), exc, exc.__traceback__))
        for handler in logging.getLogger().handlers:
            if isinstance(handler, _AppFileHandler):
                handler.flush()
        if log_file is not None and log_file.is_file():
            return log_file
    except Exception:  # reporting an error must not raise another
        pass
    fallback = Path(tempfile.gettempdir()) / f"mktplanner-error-{id(exc)}.log"
    try:
        fallback.write_text(
            f"{context} failed\n" + "".join(traceback.format_exception(exc)), encoding="utf-8"
        )
    except OSError:
        pass
    return fallback
