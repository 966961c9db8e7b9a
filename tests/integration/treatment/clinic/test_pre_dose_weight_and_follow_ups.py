"""The pre-dose check in the clinic: the C-SSRS follow-ups shown only after a yes to suicidal
thoughts, and the weight asked when the route is IV or IM, the dose then shown in mg/kg."""

import re

import pytest
from django.test import Client

from tests.treatment import CHECK_POST, make_clinician, make_session, prescribe
from treatment.models import PreDoseCheck
from treatment.rules.therapy import Route

pytestmark = pytest.mark.django_db

DOSE = {
    "medicine": "ketamine_iv",
    "dose_mg": "35",
    "lot_number": "K2026-114",
    "rems_medications": ["none"],
    "dosed_at": "09:00",
}


@pytest.fixture
def clinic(controlled_clock):
    client = Client()
    client.force_login(make_clinician())
    session = make_session()
    return client, session, f"/treatment/sessions/{session.public_id}/"


def test_the_c_ssrs_follow_ups_show_only_after_a_yes_to_suicidal_thoughts(clinic):
    client, _, base = clinic

    page = client.get(base).content.decode()

    start = page.index('data-show-when="suicidal_thoughts:yes"')
    end = page.index('name="behavior_3_months"')
    assert page.index('name="suicidal_thoughts"') < start
    for name in ("method", "intent", "plan"):
        assert start < page.index(f'name="{name}"') < end, name
    assert "js/intake.js" in page
    assert re.search(r'<form[^>]*class="[^"]*conditional', page)


@pytest.mark.parametrize("route", [Route.INTRAVENOUS, Route.INTRAMUSCULAR])
def test_by_injection_the_check_asks_the_weight_and_the_dose_shows_mg_per_kg(clinic, route):
    client, session, base = clinic
    prescribe(session, mg="35.0", route=route)

    assert 'name="weight_kg"' in client.get(base).content.decode()
    unweighed = {name: value for name, value in CHECK_POST.items() if name != "weight_kg"}
    refused = client.post(base + "check/", unweighed)
    assert refused.status_code == 400
    assert "Enter the weight in kg." in refused.content.decode()

    client.post(base + "check/", CHECK_POST)
    assert PreDoseCheck.objects.get().answers["weight_kg"] == 70
    before = client.get(base).content.decode()
    assert "Weight at the pre-dose check: 70" in before
    assert "0.50 mg/kg" in before  # the prescribed 35 mg at 70 kg

    medicine = "ketamine_iv" if route is Route.INTRAVENOUS else "ketamine_im"
    client.post(base + "dose/", DOSE | {"medicine": medicine})
    after = client.get(base).content.decode()
    assert re.search(r'data-testid="dose-per-kg">0\.50 mg/kg<', after)


def test_by_mouth_no_weight_is_asked(clinic):
    client, session, base = clinic
    prescribe(session, mg="100.0", route=Route.SUBLINGUAL)

    assert 'name="weight_kg"' not in client.get(base).content.decode()
    assert client.post(base + "check/", CHECK_POST).status_code == 302
