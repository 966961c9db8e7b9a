"""Keyset pagination: a page starts after (or ends before) a row, never at an OFFSET.

A deep page costs what the first one costs: the database seeks to the row in the index of
the listing's order and reads one page from there. The address names the row by its id
only (`?after=123`), never by the values it sorts on (a name, say), and the page is found
with one more small query: two queries whatever the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import F, Model, QuerySet
from django.db.models.fields.tuple_lookups import (  # type: ignore[import-untyped]
    Tuple,
    TupleGreaterThan,
    TupleLessThan,
)

M = TypeVar("M", bound=Model)


@dataclass
class KeysetPage(Generic[M]):
    rows: list[M]
    next_after: int | None  # the id to start the next page after, if there is one
    previous_before: int | None  # the id to end the previous page before, if there is one

    @property
    def is_first(self) -> bool:
        return self.previous_before is None


def _beyond(fields: tuple[str, ...], values: tuple[Any, ...], forward: bool) -> Any:
    """Rows past `values` in the order of `fields` (all ascending or all descending)."""
    descending = fields[0].startswith("-")
    names = [name.lstrip("-") for name in fields]
    lookup = TupleGreaterThan if forward != descending else TupleLessThan
    return lookup(Tuple(*(F(name) for name in names)), values)


def keyset_page(
    queryset: QuerySet[M],
    order: tuple[str, ...],
    size: int,
    *,
    after: int | None = None,
    before: int | None = None,
) -> KeysetPage[M]:
    """One page of `queryset` in `order` (ending with "pk" or "-pk", one direction), the
    page after the row `after` or before the row `before`; the first page without them."""
    names = tuple(name.lstrip("-") for name in order)
    cursor = after if after is not None else before
    boundary = None
    if cursor is not None:
        boundary = queryset.model._default_manager.filter(pk=cursor).values_list(*names).first()
    if boundary is None:  # no cursor, or a row that is gone: the first page
        rows = list(queryset.order_by(*order)[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        return KeysetPage(rows, rows[-1].pk if more else None, None)
    if after is not None:
        rows = list(queryset.filter(_beyond(order, boundary, True)).order_by(*order)[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        return KeysetPage(rows, rows[-1].pk if more else None, rows[0].pk if rows else None)
    reverse = tuple(name[1:] if name.startswith("-") else f"-{name}" for name in order)
    rows = list(queryset.filter(_beyond(order, boundary, False)).order_by(*reverse)[: size + 1])
    more = len(rows) > size
    rows = rows[:size][::-1]
    return KeysetPage(rows, rows[-1].pk if rows else None, rows[0].pk if more else None)
