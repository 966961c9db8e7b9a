"""Every URL pattern of the project, made concrete, for tests that walk them all."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from config.access import ANONYMOUS, NO_ROLE, allowed_roles
from patients.models import User
from patients.roles import Role
from patients.services import totp_ensure
from tests.factories import PASSWORD, TOTP_SECRET, make_user


def project_patterns(
    resolvers: list[Any] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str | None, str, str]]:
    """(route, name, namespace, view module) of every URL pattern, included ones too."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace or (entry.namespace or "")
            yield from project_patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            module = getattr(entry.callback, "__module__", "")
            yield prefix + str(entry.pattern), entry.name, namespace, module


def our_views() -> list[tuple[str, str]]:
    """(route, name) of every view the matrix rules: all but the accounts library and admin."""
    return [
        (route, name or "")
        for route, name, namespace, module in project_patterns()
        if allowed_roles(name, namespace, module) is not None and namespace != "admin"
    ]


def concrete(route: str, ids: dict[str, Any]) -> str:
    """A URL for a route pattern: real objects' ids where they exist."""
    url = "/" + route
    url = url.replace("<slug:slug>", "about-you").replace("<int:version>", str(ids["version"]))
    if url.startswith("/treatment/mine/sessions/"):
        url = url.replace("<uuid:session_id>", str(ids["home_session_id"]))
    for name in ("course_id", "session_id", "record_id", "task_id", "patient_id"):
        url = url.replace(f"<uuid:{name}>", str(ids[name]))
    return url.replace("<uuid:public_id>", str(ids["uuid"]))


SUPERUSER = "superuser"


def client_for(role: str, ids: dict[str, Any]) -> Client:
    """Signed in as `role`; the patient is the owner of the objects in `ids`, the therapist
    the one assigned to their course.

    Besides the roles: NO_ROLE, a user in no role group (as the Django admin's
    "Add user" makes one), and SUPERUSER, as `createsuperuser` makes one (with a
    second factor, as every admin has).
    """
    client = Client()
    if role is Role.PATIENT:
        client.force_login(ids["owner"])
    elif role is Role.THERAPIST:
        client.force_login(ids["therapist"])  # the course's own therapist
    elif role == NO_ROLE:
        client.force_login(User.objects.create_user(f"{uuid.uuid4().hex}@example.org", PASSWORD))
    elif role == SUPERUSER:
        user = User.objects.create_superuser(f"{uuid.uuid4().hex}@example.org", PASSWORD)
        totp_ensure(user=user, secret=TOTP_SECRET)
        client.force_login(user)
    elif role != ANONYMOUS:
        client.force_login(make_user(Role(role)))
    return client
