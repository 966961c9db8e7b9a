"""System checks for a deployment (`manage.py check --deploy`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

from config.caches import PER_PROCESS_CACHES

UNDELIVERED_EMAIL = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
)


@register(Tags.security, deploy=True)
def email_is_delivered(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[CheckMessage]:
    if settings.EMAIL_BACKEND in UNDELIVERED_EMAIL:
        return [
            Warning(
                "Emails are not delivered: EMAIL_BACKEND writes them to the log, a file or "
                "memory, password-reset links included.",
                hint="Set EMAIL_HOST to an SMTP server, or EMAIL_BACKEND to a real backend.",
                id="project.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def cache_is_shared(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Warning(
                "The cache is per process: each worker counts sign-in failures and used "
                "second-factor codes on its own.",
                hint="Set CACHE_URL to Redis, or leave it empty for the database cache.",
                id="project.W002",
            )
        ]
    return []
