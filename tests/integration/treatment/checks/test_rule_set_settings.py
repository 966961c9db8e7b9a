"""Treatment settings live in the rule set: shown, validated, diffed, signed off, published."""

import pytest
from django.test import Client

from patients.roles import Role
from screening.rulesets.models import RuleSet
from screening.rulesets.services import (
    ruleset_draft_create,
    ruleset_draft_update,
    ruleset_publish,
    ruleset_sign_off,
)
from tests.factories import make_clinical_lead, make_user, preview_now
from tests.treatment import make_record
from treatment.checks.selectors import active_limits, limits_of
from treatment.rules import DEFAULT_LIMITS

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(make_user(Role.ADMIN))
    return client


def form_data(ruleset, **changes):
    data = {**ruleset.thresholds, **limits_of(ruleset).values(), "note": "", **changes}
    data["disabled_rules"] = ruleset.disabled_rules
    return data


def test_a_rule_set_stored_before_them_uses_the_defaults():
    published = RuleSet.objects.get(status="published")

    assert published.treatment == {}
    assert limits_of(published) == DEFAULT_LIMITS


def test_the_draft_page_shows_each_setting_with_its_range(admin_client):
    admin_client.post("/rulesets/new/")
    draft = RuleSet.objects.get(status="draft")

    page = admin_client.get(f"/rulesets/{draft.version}/").content.decode()

    assert draft.treatment == DEFAULT_LIMITS.values()
    assert "Lowest oxygen saturation" in page
    assert "Default 90 %; allowed 90-95 %" in page
    assert "Settled (ready to leave the clinic; the last reading at home): at least 120" in page


def test_a_setting_below_its_floor_is_refused_beside_its_field(admin_client):
    admin_client.post("/rulesets/new/")
    draft = RuleSet.objects.get(status="draft")

    response = admin_client.post(
        f"/rulesets/{draft.version}/edit/", form_data(draft, min_monitoring_minutes=90)
    )

    assert response.status_code == 400
    assert response.context["form"].errors["min_monitoring_minutes"] == [
        "90 is outside the allowed range 120-240 min"
    ]
    draft.refresh_from_db()
    assert draft.treatment["min_monitoring_minutes"] == 120


def test_a_change_shows_in_the_diff_and_undoes_the_sign_off(admin_client):
    admin_client.post("/rulesets/new/")
    draft = RuleSet.objects.get(status="draft")
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())

    admin_client.post(f"/rulesets/{draft.version}/edit/", form_data(draft, spo2_floor=92))

    draft.refresh_from_db()
    assert draft.treatment["spo2_floor"] == 92
    assert draft.signed_off_at is None
    page = admin_client.get(f"/rulesets/{draft.version}/").content.decode()
    assert "spo2_floor" in page
    assert "SpO2 below 92%" in page


def test_new_checks_use_the_published_settings_and_keep_them(controlled_clock):
    admin, other = make_user(Role.ADMIN), make_user(Role.ADMIN)
    draft = ruleset_draft_create(actor=admin)
    ruleset_draft_update(
        draft=draft,
        actor=admin,
        thresholds=draft.thresholds,
        disabled_rules=draft.disabled_rules,
        note="Stricter heart rate",
        treatment={"heart_rate_max": 90},
    )
    preview_now(draft, admin)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())
    ruleset_publish(draft=draft, actor=other)

    record = make_record()

    assert active_limits()[0].heart_rate_max == 90
    check = record.pre_dose_check
    assert (check.ruleset, check.limits["heart_rate_max"]) == (draft.name, 90)
