"""The patient side's language: English or Spanish, chosen with the switch on every patient
page and kept on the account; staff pages stay English whatever the browser asks for.

Django's own machinery does the work (LocaleMiddleware: the switch's cookie, else the
browser's Accept-Language; the catalogues under locale/). This module adds what is ours:
a patient's saved choice wins once they are signed in, and staff read English.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from patients.roles import Role, role_of

ENGLISH = "en"
SPANISH = "es"
CODES = frozenset(code for code, _ in settings.LANGUAGES)


def supported(code: str | None) -> str:
    """One of the site's languages for a code such as "es-MX"; English for anything else."""
    base = (code or "").split("-")[0].lower()
    return base if base in CODES else ENGLISH


class AccountLanguageMiddleware:
    """After LocaleMiddleware: English for staff and users without a role, the saved
    language for a signed-in patient (on any device, whatever its browser says)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = self.language_for(request)
        if language is not None:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language is not None:
            response.headers["Content-Language"] = language
        return response

    @staticmethod
    def language_for(request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # LocaleMiddleware decided: cookie, then browser
        if role_of(user) != Role.PATIENT:
            return ENGLISH
        patient = getattr(user, "patient", None)
        if patient is None or not patient.language:
            return None  # no choice kept yet: as before sign-in
        return supported(patient.language)


# Patient pages whose words are not in the catalogue yet (the course of treatment: the
# at-home check-in, readings and side effects, goals and therapy). In Spanish they say so,
# and their content is marked English, rather than pass for Spanish.
ENGLISH_ONLY_PAGES = frozenset(
    {
        "my_treatment",
        "my_treatment_measures",
        "my_session",
        "my_session_check_in",
        "my_session_start",
        "my_session_reading",
        "my_session_side_effects",
        "my_goals",
        "my_therapy",
        "my_intention",
        "my_reflection",
    }
)


def page_language(request: HttpRequest) -> dict[str, bool]:
    """Context: whether this page, asked for in Spanish, is still English only."""
    match = getattr(request, "resolver_match", None)
    spanish = supported(translation.get_language()) == SPANISH
    return {"english_only_page": bool(spanish and match and match.url_name in ENGLISH_ONLY_PAGES)}


@login_not_required
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The switch: Django's set_language (cookie, back to the page), and on a patient's
    account the choice is kept, so their emails and other devices follow it."""
    response = set_language(request)
    chosen = request.POST.get("language", "")
    user = request.user
    if chosen in CODES and user.is_authenticated and role_of(user) == Role.PATIENT:
        patient = getattr(user, "patient", None)
        if patient is not None and patient.language != chosen:
            patient.language = chosen
            patient.save(update_fields=["language"])
    return response


def language_kept_at_sign_in(
    sender: object, request: HttpRequest, user: object, **_: object
) -> None:
    """A patient with no language kept yet keeps the one they signed in with (the switch's
    before sign-in, else their browser's), for their emails and other devices."""
    language = getattr(request, "LANGUAGE_CODE", None)  # set by LocaleMiddleware
    patient = getattr(user, "patient", None)
    if language and patient is not None and not patient.language and role_of(user) == Role.PATIENT:
        patient.language = supported(language)
        patient.save(update_fields=["language"])
