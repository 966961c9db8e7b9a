"""Errors that name the field at fault, in words a person understands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    """`field` is the answer key; `item` (1-based) and `part` point inside it, when known."""

    field: str
    message: str
    item: int | None = None
    part: str | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class FieldErrors(ValueError):
    """One or more fields broke the contract; `errors` lists every one, in field order."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        if not errors:
            raise ValueError("FieldErrors needs at least one error")
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__("; ".join(str(error) for error in self.errors))

    @property
    def first(self) -> FieldError:
        return self.errors[0]


class InvalidAnswers(FieldErrors):
    """The answers break the answer format of clinical-rules.md section 1."""


class InvalidThresholds(FieldErrors):
    """The thresholds break the ranges or orderings of clinical-rules.md section 7."""
