"""A fresh second factor before sensitive acts, such as setting someone's password."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, Final

from allauth.account.internal.flows.login import get_authentication_records
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

RECHECK_SECONDS: Final = 300


def second_factor_is_fresh(request: HttpRequest, seconds: int = RECHECK_SECONDS) -> bool:
    """The user entered a second-factor code in this session within `seconds`."""
    now = time.time()
    return any(
        record.get("method") == "mfa" and now - float(record.get("at", 0)) < seconds
        for record in get_authentication_records(request, request.user)
    )


def second_factor_recheck_required(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Ask for a second-factor code again unless one was entered in the last few minutes."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not second_factor_is_fresh(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return view(request, *args, **kwargs)

    return checked
