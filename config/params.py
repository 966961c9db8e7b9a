"""The one reader of whole-number request parameters (`?weeks=`, `?page=`, a posted id).

Only ASCII digits count, and only a few of them: `int()` also takes "\u0661" (an Arabic-Indic
one) and `str.isdigit()` also passes "²", which `int()` then refuses; a 5,000-digit
number is refused by `int()` and overflows a database column. Anything else is the
default when the parameter has one, and otherwise a 400.
"""

from __future__ import annotations

from django.core.exceptions import BadRequest

MAX_DIGITS = 9  # below 2**31: fits every integer column


def int_parameter(value: str | None, *, default: int | None = None) -> int:
    """`value` as a whole number; the default (or a 400, without one) for anything else."""
    if value and len(value) <= MAX_DIGITS and value.isascii() and value.isdigit():
        return int(value)
    if default is not None:
        return default
    raise BadRequest("A whole number was expected")
