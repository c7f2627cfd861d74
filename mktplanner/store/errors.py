"""Why a plan file could not be used: a code and parameters, translated by the UI / CLI."""

from __future__ import annotations

from typing import Any


class PlanFileError(Exception):
    """Refusal to open / write a plan file. The file is left as it was.

    Codes: ``not_found``, ``is_directory``, ``not_sqlite`` (incl. empty file), ``foreign`` (an SQLite
    file that is not a plan), ``newer`` (made by a newer version; params: version, supported),
    ``damaged`` (params: detail), ``exists`` (refusing to overwrite), ``read_only`` (file or folder
    cannot be written), ``disk_full``, ``locked`` (params: holder), ``io`` (params: detail).
    """

    def __init__(self, code: str, path: object = "", **params: Any):
        detail = params.get("detail")
        if isinstance(detail, str):
            # SQLite's words can span lines (quick_check: "*** in database main ***\n..."):
            # a message is one sentence on one line, in the CLI and in a dialog.
            params["detail"] = " ".join(detail.split())
        self.code = code
        self.path = str(path)
        self.params = params
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"{code}: {self.path}" + (f" ({detail})" if detail else ""))


class ReadOnlyPlan(PlanFileError):
    """An edit was attempted on a plan opened read-only (locked elsewhere or not writable)."""

    def __init__(self, path: object = "", holder: str = ""):
        super().__init__("read_only", path, holder=holder)
