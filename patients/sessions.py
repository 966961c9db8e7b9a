"""Session rules that outlive a request: other sessions end when the second factor changes,
and every session ends after an absolute lifetime."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.db.models import F
from django.http import HttpRequest

from patients.models import User
from patients.roles import Role, role_of

SIGNED_IN_AT = "signed_in_at"


def sessions_end_others(*, request: HttpRequest, user: User) -> None:
    """End every session of `user` but this one (a changed password does the same)."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])
    update_session_auth_hash(request, user)


def second_factor_changed(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    """A second factor was added, removed or its recovery codes regenerated."""
    sessions_end_others(request=request, user=user)


def session_started(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    request.session[SIGNED_IN_AT] = time.time()


def session_max_seconds(user: User | Any) -> int:
    if role_of(user) is Role.PATIENT:
        return int(settings.SESSION_MAX_SECONDS_PATIENT)
    return int(settings.SESSION_MAX_SECONDS_STAFF)


def session_expired(request: HttpRequest) -> bool:
    """Signed in for longer than the role's absolute lifetime, whatever the activity."""
    started = request.session.setdefault(SIGNED_IN_AT, time.time())
    return time.time() - float(started) > session_max_seconds(request.user)
