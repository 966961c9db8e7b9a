"""Keep health data out of logs.

Our own log calls pass only ids and counts. This filter guards against the
rest: any record from a logger not on the allow-list is formatted, then its
query strings (a search for a patient's name) and email addresses are masked;
an exception logged by anyone keeps its frames and type but not its message.
"""

from __future__ import annotations

import logging
import re
import traceback

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
QUERY_STRING = re.compile(r"\?[^\s\"']*")
# Loggers whose messages we wrote and checked: ids and counts only.
TRUSTED_PREFIXES = ("screening.", "patients.", "config.")


def redact(message: str) -> str:
    return EMAIL.sub("[email]", QUERY_STRING.sub("?[query]", message))


def traceback_without_values(exc_info: tuple[type[BaseException], BaseException, object]) -> str:
    """Where an error happened (the frames) and its type, but not its message: an
    exception's text can quote the data it failed on."""
    kind, _, trace = exc_info
    frames = "".join(traceback.format_tb(trace))  # type: ignore[arg-type]
    name = f"{kind.__module__}.{kind.__qualname__}"
    return f"Traceback (most recent call last):\n{frames}{name}: [redacted]"


class RedactHealthData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(TRUSTED_PREFIXES):
            record.msg, record.args = redact(record.getMessage()), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = traceback_without_values(record.exc_info)
            record.exc_info = None
        return True
