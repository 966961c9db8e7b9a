"""`manage.py demo_data`: one user per role, logins printed, safe to run twice."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from patients.models import User
from patients.roles import role_of


def run_demo_data():
    out = StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_creates_one_user_per_role_and_prints_their_logins():
    output = run_demo_data()

    roles = {user.email: role_of(user) for user in User.objects.all()}
    assert roles == {
        "patient@example.com": "patient",
        "clinician@example.com": "clinician",
        "admin@example.com": "admin",
    }
    for email in roles:
        assert email in output
    assert "password: demo-password-1" in output


@pytest.mark.django_db
def test_it_is_idempotent():
    run_demo_data()
    run_demo_data()

    assert User.objects.count() == 3
    assert User.objects.get(email="patient@example.com").check_password("demo-password-1")


@pytest.mark.django_db
def test_it_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="refuses to run with DJANGO_ENV=production"):
        run_demo_data()
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_it_gives_the_demo_patient_cases_on_every_route_and_a_half_done_draft():
    run_demo_data()
    run_demo_data()

    patient = User.objects.get(email="patient@example.com").patient
    routes = sorted(s.screening.route for s in patient.submissions.all())
    assert routes == ["at_home", "clinician_review", "in_clinic"]
    draft = patient.drafts.get(status="open")
    assert draft.resume_step == "substance-use"
    assert len(draft.completed_steps) == 4
