"""List pages whose filters are posted and kept in the session, never in the address."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

KEPT_FILTER_CHARS = 200


def keep_filters(request: HttpRequest, key: str, fields: Iterable[str]) -> HttpResponse:
    """Posted filters are kept in the session, never in the address: search terms (names,
    emails) would otherwise reach access logs. The listing then reloads at its first page."""
    if "clear" in request.POST:
        request.session.pop(key, None)
    else:
        request.session[key] = {
            name: request.POST.get(name, "")[:KEPT_FILTER_CHARS]
            for name in fields
            if request.POST.get(name)
        }
    tab = request.POST.get("tab", "")
    return redirect(f"{request.path}?{urlencode({'tab': tab})}" if tab else request.path)
