"""Every form of the project, bound to hostile values in every field: none may raise while
validating or rendering its errors, and every typed value comes back on the page."""

from __future__ import annotations

from html import escape
from typing import Any

import pytest
from django import forms

from patients.roles import Role
from tests.factories import make_case, make_user
from tests.forms import project_forms
from treatment.rules.therapy import Focus, integration_template

pytestmark = pytest.mark.django_db

# Out of range, the wrong type (Unicode digits, exponents, text), empty, overlong, markup.
VALUES = (
    "",
    "   ",
    "0",
    "-1",
    "49",
    "101",
    "1.5",
    "1e400",
    "9" * 5000,
    "²",
    "\u0661",  # ARABIC-INDIC DIGIT ONE
    "NaN",
    "abc",
    "x" * 3000,
    "<b>&\"'%s%(x)s%",
    "2026-02-30",
    "25:99",
)

# What a form's constructor needs beyond its data, by class name; every other form is built
# with its data alone, so a new form that needs more fails here until it is added.
EXTRA: dict[str, Any] = {
    "ScheduleForm": lambda: {"default_setting": "in_clinic", "offered": []},
    "DecisionForm": lambda: {"case": make_case()},
    "IntegrationForm": lambda: {"template": integration_template(Focus.DEPRESSION)},
    "ChangeEmailForm": lambda: {"user": make_user(Role.PATIENT)},
    "SignForm": lambda: {"user": make_user(Role.CLINICIAN), "ask_code": False},
    "NumericAuthenticateForm": lambda: {"user": make_user(Role.CLINICIAN)},
    "NumericReauthenticateForm": lambda: {"user": make_user(Role.CLINICIAN)},
    "NumericActivateTOTPForm": lambda: {"user": make_user(Role.CLINICIAN, second_factor=False)},
}

# Widgets that never echo what was typed: a password (on purpose) and the choice widgets,
# which can only show a value among their choices.
SILENT_WIDGETS = (
    forms.PasswordInput,
    forms.CheckboxInput,
    forms.Select,
    forms.RadioSelect,
    forms.CheckboxSelectMultiple,
    forms.SelectMultiple,
)


FORMS = project_forms()


def test_it_finds_the_forms_of_every_package():
    modules = {form.__module__.split(".")[0] for form in FORMS}
    assert {"patients", "screening", "treatment"} <= modules
    assert len(FORMS) > 30


@pytest.fixture(autouse=True)
def a_request():
    """allauth's second-factor forms read the request (rate limits, the session): one, as
    its middleware would set it."""
    from allauth.core.context import request_context
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    request.session = SessionStore()
    with request_context(request):
        yield


def build(form_class, data):
    extra = EXTRA.get(form_class.__name__, dict)()
    return form_class(data=data, **extra)


@pytest.mark.parametrize("form_class", FORMS, ids=lambda form: form.__qualname__)
def test_no_form_raises_and_every_typed_value_comes_back(form_class):
    names = list(build(form_class, {}).fields)
    for value in VALUES:
        form = build(form_class, dict.fromkeys(names, value))
        form.is_valid()
        # Render every error (Django formats the messages only now) and the whole form.
        for field_errors in form.errors.as_data().values():
            for error in field_errors:
                list(error)
        rendered = str(form) + str(form.errors) + form.errors.as_text()
        for name, field in form.fields.items():
            if isinstance(field.widget, SILENT_WIDGETS) or not value.strip():
                continue
            html = str(form[name])
            assert escape(value, quote=True) in html or escape(value, quote=False) in html, (
                f"{form_class.__qualname__}.{name} lost {value[:20]!r}"
            )
        assert rendered
