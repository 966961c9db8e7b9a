"""Keep health data out of logs.

Our own log calls pass only ids and counts. This filter guards against the
rest: any record from a logger not on the allow-list is formatted, then its
query strings (a search for a patient's name) and email addresses are masked.
"""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
QUERY_STRING = re.compile(r"\?[^\s\"']*")
# Loggers whose messages we wrote and checked: ids and counts only.
TRUSTED_PREFIXES = ("screening.", "patients.", "config.")


def redact(message: str) -> str:
    return EMAIL.sub("[email]", QUERY_STRING.sub("?[query]", message))


class RedactHealthData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(TRUSTED_PREFIXES):
            record.msg, record.args = redact(record.getMessage()), None
        return True
