"""Session rules by role: staff and therapists need a second factor; idle sessions end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext

from patients.models import User
from patients.roles import SECOND_FACTOR_ROLES, Role, has_second_factor, role_of
from patients.sessions import session_expired

# Where staff without a second factor may still go: setting one up, and signing out.
OPEN_PREFIXES = ("/accounts/", "/static/")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            role_of(request.user) in SECOND_FACTOR_ROLES
            and not request.path.startswith(OPEN_PREFIXES)
            and not has_second_factor(request.user)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)


def idle_seconds(user: User | AnonymousUser | Any) -> int | None:
    """How long this user's session may stay idle before it ends; None if signed out.

    Patients get the longer limit; staff, and anyone without a role, the shorter.
    """
    if not user.is_authenticated:
        return None
    if role_of(user) is Role.PATIENT:
        return int(settings.SESSION_IDLE_SECONDS_PATIENT)
    return int(settings.SESSION_IDLE_SECONDS_STAFF)


class IdleTimeoutMiddleware:
    """Staff sessions end after 15 idle minutes, patients' after 30, and after 12 and 24
    hours whatever the activity (settings)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and session_expired(request):
            logout(request)
            messages.info(
                request, gettext("For your safety you were signed out: please sign in again.")
            )
            return redirect_to_login(request.get_full_path())
        idle = idle_seconds(request.user)
        if idle is not None:
            expiry_slide(request.session, idle)
        return self.get_response(request)


# The idle expiry moves with activity, but the session is written at most this often:
# a page that changes nothing in the session then costs no write. The session may so
# end up to this much earlier than the idle limit, never later.
EXPIRY_RENEWAL_SECONDS = 60


def expiry_slide(session: SessionBase, idle: int, *, at_once: bool = False) -> None:
    """End the session `idle` seconds from now, unless it already ends within a minute of
    that (`at_once`: whatever the difference)."""
    wanted = timezone.now() + timedelta(seconds=idle)
    # An expiry kept as a number of seconds (sessions from before) would never be moved.
    fixed_date = isinstance(session.get("_session_expiry"), str)
    drift = abs((wanted - session.get_expiry_date()).total_seconds())
    if at_once or not fixed_date or drift > EXPIRY_RENEWAL_SECONDS:
        session.set_expiry(wanted)
