"""`manage.py seed_synthetic`: a synthetic clinic in bulk, that no one can sign in to."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from patients.models import Submission, User
from patients.roles import role_of
from screening.results.models import ScreeningResult
from screening.review.models import Case, CaseDecision

pytestmark = pytest.mark.django_db


def seed(patients, **options):
    out = StringIO()
    call_command("seed_synthetic", patients=patients, stdout=out, **options)
    return out.getvalue()


def test_it_makes_patients_with_screened_cases_in_a_clinics_mix():
    output = seed(400)

    submissions = Submission.objects.filter(patient__user__email__endswith="@synthetic.invalid")
    assert 400 < submissions.count() < 600  # some patients submitted more than once
    assert ScreeningResult.objects.count() == Case.objects.count() == submissions.count()
    routes = set(ScreeningResult.objects.values_list("route", flat=True))
    assert routes == {"at_home", "in_clinic", "clinician_review"}
    statuses = set(Case.objects.values_list("status", flat=True))
    assert {"decided", "awaiting", "claimed", "awaiting_patient"} <= statuses
    decided = Case.objects.filter(status="decided").count()
    assert CaseDecision.objects.count() == decided
    assert CaseDecision.objects.filter(overrides_engine=True).exists()
    assert f"{submissions.count():,} submissions" in output


def test_its_accounts_cannot_sign_in_and_have_no_role():
    seed(5)

    for user in User.objects.filter(email__endswith="@synthetic.invalid"):
        assert not user.has_usable_password()
        assert role_of(user) is None
    email = User.objects.filter(email__endswith="@synthetic.invalid").first().email
    response = Client().post("/accounts/login/", {"login": email, "password": ""})
    assert "_auth_user_id" not in response.client.session


def test_two_runs_add_up_without_clashing():
    seed(30, seed=1)
    seed(30, seed=1)

    assert User.objects.filter(email__endswith="@synthetic.invalid").count() == 60 + 1


def test_it_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="refuses to run"):
        seed(5)
