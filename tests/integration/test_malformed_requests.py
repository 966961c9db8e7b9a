"""Malformed ids and parameters get a clear answer from every view, never a server error."""

import pytest
from django.forms import Form
from django.test import Client

from config.access import MATRIX
from patients.intake import steps
from patients.roles import Role
from screening.audit import forms as audit_forms
from screening.review import forms as review_forms
from screening.rulesets import forms as ruleset_forms
from tests.walk import client_for, concrete, our_views

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
JUNK = ["junk", "-1", "9" * 40, "٣", "2026-02-30", SCRIPT, "a\x00b", ""]
STAFF_FORMS: list[type[Form]] = [
    form
    for module in (audit_forms, review_forms, ruleset_forms)
    for form in vars(module).values()
    if isinstance(form, type) and issubclass(form, Form) and form.__module__ == module.__name__
]
# Parameters read straight from the request rather than through a form.
RAW_PARAMETERS = {
    "draft",
    "source",
    "page",
    "action",
    "return_to",
    "next",
    "weeks",  # the dashboard's period
    "chart",  # the dashboard's CSV
    "token",  # an API token to revoke
}
# The therapy pages' fields: readiness, goals, notes, the dose and the days of meetings.
THERAPY_PARAMETERS = {
    "kind",
    "readiness",
    "reason",
    "text",
    "therapist",
    "focus",
    "focus_detail",
    "goal_1",
    "themes",
    "plan",
    "preparation-day",
    "integration-day",
    "prescription-dose_mg",
    "prescription-route",
    "prescription-reason",
    "dose_mg",
    "route",
}


def test_it_knows_every_form_of_the_review_workspace():
    assert {form.__name__ for form in STAFF_FORMS} >= {"AuditFilterForm", "DecisionForm"}


def parameter_names() -> list[str]:
    """Every field name any form of the project reads, with and without form prefixes."""
    names = set(RAW_PARAMETERS)
    for form in STAFF_FORMS:
        names |= {f"{prefix}{name}" for name in form.base_fields for prefix in ("", "preview-")}
        names |= {f"publish-{name}" for name in form.base_fields}
    for step in steps.STEPS:
        names |= set(steps.step_form(step.slug).base_fields)
    return sorted(names | THERAPY_PARAMETERS)


ROLES = (Role.PATIENT, Role.CLINICIAN, Role.ADMIN, Role.THERAPIST)


def role_allowed(name: str) -> Role | None:
    """A role the view serves; None for views open to API tokens only (no session role)."""
    return next((role for role in ROLES if role in MATRIX[name]), None)


@pytest.mark.parametrize("value", JUNK, ids=repr)
def test_no_view_fails_or_echoes_markup_on_malformed_parameters(value, walk_ids):
    clients: dict[Role | None, Client] = {role: client_for(role, walk_ids) for role in ROLES}
    clients[None] = Client()
    data = dict.fromkeys(parameter_names(), value)
    failures = []
    for route, name in our_views():
        client = clients[role_allowed(name)]
        url = concrete(route, walk_ids)
        for method in ("get", "post"):
            response = getattr(client, method)(url, data)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {name}: {response.status_code}")
            elif SCRIPT.encode() in response.content:
                failures.append(f"{method.upper()} {name}: markup shown unescaped")

    assert failures == []
