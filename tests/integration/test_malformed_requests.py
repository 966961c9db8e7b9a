"""Malformed ids and parameters get a clear answer from every view, never a server error."""

import pytest
from django.test import Client

from config.access import MATRIX
from patients.roles import Role
from tests.forms import field_names, project_forms
from tests.walk import client_for, concrete, our_views

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
JUNK = [
    "junk",
    "-1",
    "9" * 40,
    "9" * 5000,  # past the digits int() reads at all
    "\u0663",  # Arabic-Indic three: int() reads it as 3
    "\u00b2",  # superscript two: isdigit() passes it, int() refuses it
    "1e400",
    "2026-02-30",
    SCRIPT,
    "a\x00b",
    "",
]
# Forms shown with a prefix, so that two forms of one page keep their fields apart.
PREFIXED = {
    "preview": "PreviewForm",
    "override": "ReasonForm",
    "amend": "ReasonForm",
    "discharge": "DischargeForm",
    "sign": "SignForm",
    "prescription": "PrescriptionForm",
    "preparation": "MeetingDayForm",
    "integration": "MeetingDayForm",
}
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
    "figure",  # the outcomes page's CSV
    "token",  # an API token to revoke
}
# Fields a form adds as it is built: the sections of an integration note.
BUILT_PARAMETERS = {"themes", "insights", "skills", "plan"}


def test_it_knows_every_form_of_every_package():
    names = {form.__name__ for form in project_forms()}
    assert {"AuditFilterForm", "DecisionForm", "ObservationForm", "CheckInForm"} <= names
    assert {"IntentionForm", "ReadinessForm", "TokenForm", "BloodPressureForm"} <= names


def parameter_names() -> list[str]:
    """Every field name any form of the project reads, with and without form prefixes."""
    names = field_names() | RAW_PARAMETERS | BUILT_PARAMETERS
    forms = {form.__name__: form for form in project_forms()}
    for prefix, form_name in PREFIXED.items():
        names |= {f"{prefix}-{name}" for name in forms[form_name].base_fields}
    return sorted(names)


ROLES = (Role.PATIENT, Role.CLINICIAN, Role.ADMIN, Role.THERAPIST)


def role_allowed(name: str) -> Role | None:
    """A role the view serves; None for views open to API tokens only (no session role)."""
    return next((role for role in ROLES if role in MATRIX[name]), None)


@pytest.mark.parametrize("value", JUNK, ids=repr)
def test_no_view_fails_or_echoes_markup_on_malformed_parameters(value, walk_ids):
    clients: dict[Role | None, Client] = {role: client_for(role, walk_ids) for role in ROLES}
    clients[None] = Client()
    # An overlong value goes in the parameters views read themselves (every form's fields
    # get one in test_every_form): in all of them it would pass the request size limit.
    data = dict.fromkeys(parameter_names() if len(value) < 100 else RAW_PARAMETERS, value)
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
