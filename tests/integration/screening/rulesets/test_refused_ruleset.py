"""A published rule set outside the floors (written by hand or by a faulty migration) is
never used: the last valid one is (or the contract's defaults), admins are told at once,
and a system check reports it."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from patients.roles import Role
from screening.rulesets.checks import published_ruleset_within_floors
from screening.rulesets.models import RuleSet
from screening.rulesets.published import published_rules
from screening.rulesets.selectors import active_thresholds
from screening.rulesets.services import ruleset_draft_create, ruleset_publish
from tests.factories import make_case, make_user
from tests.integration.screening.rulesets.test_rulesets import publish_ready
from tests.treatment import CHECK_POST, make_clinician, make_session
from treatment.checks.selectors import active_limits
from treatment.models import PreDoseCheck

pytestmark = pytest.mark.django_db


def published_v2():
    author, publisher = make_user(Role.ADMIN), make_user(Role.ADMIN)
    draft = publish_ready(ruleset_draft_create(actor=author), author, bp_elevated_systolic=135)
    return ruleset_publish(draft=draft, actor=publisher)


def spoil(ruleset, **treatment):
    """As a hand-written UPDATE or a faulty migration would: no model, no validation."""
    RuleSet.objects.filter(pk=ruleset.pk).update(treatment={**ruleset.treatment, **treatment})


def clinic_check():
    client = Client()
    client.force_login(make_clinician())
    session = make_session()
    return client.post(f"/treatment/sessions/{session.public_id}/check/", CHECK_POST)


def test_a_rule_set_below_the_monitoring_floor_is_not_used_the_last_valid_one_is():
    v2 = published_v2()
    spoil(v2, min_monitoring_minutes=90)

    response = clinic_check()

    assert response.status_code == 302
    check = PreDoseCheck.objects.get()
    assert check.ruleset == "default-1"
    assert check.limits["min_monitoring_minutes"] == 120
    assert active_limits()[1] == "default-1"
    assert active_thresholds().ruleset == "default-1"
    assert published_rules().refused == v2.name


def test_with_no_valid_rule_set_before_it_the_contract_defaults_are_used():
    spoil(RuleSet.objects.get(status="published"), min_monitoring_minutes=90)

    assert clinic_check().status_code == 302
    assert PreDoseCheck.objects.get().limits["min_monitoring_minutes"] == 120
    assert active_thresholds().bp_elevated_systolic == 140
    make_case()  # an intake screens with the defaults too


def test_screening_thresholds_beyond_their_floor_are_refused_too():
    v2 = published_v2()
    RuleSet.objects.filter(pk=v2.pk).update(
        thresholds={**v2.thresholds, "bp_elevated_systolic": 190}
    )

    assert active_thresholds().ruleset == "default-1"
    assert make_case().submission.screening.decision["ruleset"] == "default-1"


def test_admins_are_emailed_at_once_and_only_once(django_capture_on_commit_callbacks):
    admin = make_user(Role.ADMIN)
    make_user(Role.CLINICIAN)
    v2 = published_v2()
    spoil(v2, min_monitoring_minutes=90)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        published_rules()
        published_rules()
        active_limits()

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert admin.email in email.to and len(email.to) >= 1
    assert v2.name in email.subject
    assert "min_monitoring_minutes" in email.body and "default-1" in email.body


def test_a_system_check_reports_it_at_start():
    assert published_ruleset_within_floors(None) == []
    spoil(RuleSet.objects.get(status="published"), min_monitoring_minutes=90)

    messages = published_ruleset_within_floors(None)

    assert [message.id for message in messages] == ["rulesets.W001"]
    assert "min_monitoring_minutes" in messages[0].msg
    out = io.StringIO()
    call_command("check", stdout=out, stderr=out)
    assert "rulesets.W001" in out.getvalue()


def test_the_rule_set_pages_still_open():
    v2 = published_v2()
    spoil(v2, min_monitoring_minutes=90)
    client = Client()
    client.force_login(make_user(Role.ADMIN))

    assert client.get("/rulesets/").status_code == 200
    assert client.get(f"/rulesets/{v2.version}/").status_code == 200


def test_a_new_draft_copies_the_rule_set_in_use_never_the_refused_one():
    v2 = published_v2()
    spoil(v2, min_monitoring_minutes=90)
    client = Client()
    client.force_login(make_user(Role.ADMIN))

    assert "is outside the safety floors" in client.get("/rulesets/").content.decode()
    assert client.post("/rulesets/new/").status_code == 302
    draft = RuleSet.objects.get(status="draft")
    assert draft.based_on.name == "default-1"
    assert draft.treatment["min_monitoring_minutes"] == 120
    refused = client.post("/rulesets/new/", {"source": v2.version}, follow=True)
    assert "outside the safety floors" in refused.content.decode()
    assert RuleSet.objects.filter(status="draft").count() == 1
