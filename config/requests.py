"""Requests as our views may read them: no NUL character anywhere in a parameter.

A NUL cannot be stored in PostgreSQL text; left in a field name or a search term it
made a server error whose traceback carried the rest of the form.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


def _has_nul(query: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in query.lists())


class StripNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request.GET):
            request.GET = without_nul(request.GET)  # type: ignore[assignment]
        posted_form = request.method == "POST" and request.content_type in FORM_TYPES
        if posted_form and _has_nul(request.POST):
            request.POST = without_nul(request.POST)  # type: ignore[assignment]
        return self.get_response(request)
