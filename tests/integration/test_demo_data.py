"""`manage.py demo_data`: one user per role, logins printed, safe to run twice."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from patients.management.commands.demo_data import DEMO_USERS
from patients.models import User
from patients.roles import role_of
from screening.review.models import Case
from screening.review.selectors import is_overdue
from screening.rulesets.services import can_sign_off

ROOT = Path(__file__).resolve().parents[2]


def run_demo_data():
    out = StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_creates_one_user_per_role_and_prints_their_logins():
    output = run_demo_data()

    named = (
        "patient@example.com",
        "clinician@example.com",
        "admin@example.com",
        "therapist@example.com",
    )
    roles = {email: role_of(User.objects.get(email=email)) for email in named}
    assert roles == {
        "patient@example.com": "patient",
        "clinician@example.com": "clinician",
        "admin@example.com": "admin",
        "therapist@example.com": "therapist",
    }
    for email in roles:
        assert email in output
    assert "password for all: demo-password-1" in output
    assert "TOTP secret DEMOCLINICIANSECRETKEY22" in output
    assert "TOTP secret DEMOTHERAPISTSECRETKEY22" in output


@pytest.mark.django_db
def test_it_is_idempotent():
    run_demo_data()
    users, cases = User.objects.count(), Case.objects.count()
    run_demo_data()

    assert (User.objects.count(), Case.objects.count()) == (users, cases)
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
    assert all(s.answers["format"] == 2 for s in patient.submissions.all())
    draft = patient.drafts.get(status="open")
    assert draft.resume_step == "mental-health"
    assert draft.completed_steps == [
        "about-you",
        "blood-pressure",
        "medical-history",
        "medications",
    ]
    assert draft.answers["format"] == 2


@pytest.mark.django_db
def test_it_fills_the_queue_with_every_route_and_priority_an_overdue_case_and_a_history():
    run_demo_data()

    open_cases = Case.objects.filter(status__in=Case.OPEN_STATUSES).select_related(
        "submission__screening"
    )
    assert {c.submission.screening.route for c in open_cases} == {
        "at_home",
        "in_clinic",
        "clinician_review",
    }
    assert {c.submission.screening.priority for c in open_cases} == {"urgent", "high", "routine"}
    assert any(is_overdue(case) for case in open_cases)
    busiest = Case.objects.values("patient").annotate(cases=Count("pk")).order_by("-cases")
    assert busiest[0]["cases"] >= 3  # a patient with earlier submissions, for the chart
    formats = {
        c.submission.answers.get("format", 1) for c in Case.objects.select_related("submission")
    }
    assert formats == {1, 2}  # one history predates answer format 2
    fired = {rule for c in open_cases for rule in c.submission.screening.fired_rules.split(",")}
    assert {"respiratory_depression_risk", "suicide_attempt_history"} <= fired


@pytest.mark.django_db
def test_two_admins_and_a_clinical_lead_let_four_eyes_publication_be_tried():
    output = run_demo_data()

    admin, second_admin, lead = (
        User.objects.get(email=email)
        for email in ("admin@example.com", "admin2@example.com", "lead@example.com")
    )
    assert (role_of(admin), role_of(second_admin), role_of(lead)) == ("admin", "admin", "clinician")
    assert [can_sign_off(user) for user in (admin, second_admin, lead)] == [False, False, True]
    assert "admin2@example.com" in output
    assert "lead@example.com" in output


def test_the_readme_lists_every_demo_login_and_serves_where_emails_link():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()

    settings_source = (ROOT / "config" / "settings.py").read_text()

    for email, *_ in DEMO_USERS:
        assert f"`{email}`" in readme, email
    assert "runserver 127.0.0.1:8000" in makefile
    assert '"http://127.0.0.1:8000"' in settings_source  # SITE_URL's default, for links
    assert "http://127.0.0.1:8000" in readme
