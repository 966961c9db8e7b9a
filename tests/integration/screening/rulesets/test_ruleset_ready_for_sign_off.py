"""A draft ready for sign-off tells the clinical leads; they read it in plain words; the
admin who made it sees why they cannot publish; publishing asks an attestation."""

import pytest
from django.core import mail

from patients.roles import Role
from screening.rulesets.models import RuleSet
from screening.rulesets.services import ruleset_draft_create as create
from screening.rulesets.services import ruleset_draft_update, ruleset_sign_off
from tests.builders import readings
from tests.factories import make_case, make_clinical_lead, make_patient, make_user, preview_now

pytestmark = pytest.mark.django_db


def ready_draft(author):
    draft = create(actor=author)
    draft = ruleset_draft_update(
        draft=draft,
        actor=author,
        thresholds={**draft.thresholds, "bp_elevated_systolic": 130},
        disabled_rules=[],
        note="Refer in-clinic from 130",
    )
    preview_now(draft, author)
    return RuleSet.objects.get(pk=draft.pk)


def test_it_emails_the_clinical_leads_a_link_when_the_preview_of_a_draft_is_done():
    lead, author = make_clinical_lead("lead@clinic.example"), make_user(Role.ADMIN)
    make_user(Role.CLINICIAN, "not-a-lead@clinic.example")

    draft = ready_draft(author)

    sent = [m for m in mail.outbox if "sign-off" in m.subject]
    assert [m.to for m in sent] == [[lead.email]]
    assert f"/rulesets/{draft.version}/" in sent[0].body
    assert "Case " not in sent[0].body


def test_a_lead_sees_a_count_on_rule_sets_and_reads_routes_and_rules_in_plain_words(client):
    lead, author = make_clinical_lead(), make_user(Role.ADMIN)
    make_case(patient=make_patient(), **readings(133))
    draft = ready_draft(author)
    client.force_login(lead)

    listing = client.get("/rulesets/").content.decode()
    page = client.get(f"/rulesets/{draft.version}/").content.decode()

    assert 'data-testid="signoff-waiting">1' in listing
    assert f"Read and sign off {draft.name}" in listing
    assert "<td>At-home eligible</td><td>In-clinic referral</td>" in page
    for engine_word in ("elevated_blood_pressure", "answer format", "bp_elevated_systolic"):
        assert engine_word not in page
    ruleset_sign_off(draft=draft, actor=lead)
    assert 'data-testid="signoff-waiting"' not in client.get("/rulesets/").content.decode()


def test_the_admin_who_made_the_draft_sees_publish_disabled_with_the_reason(client):
    author = make_user(Role.ADMIN)
    draft = ready_draft(author)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())
    client.force_login(author)

    page = client.get(f"/rulesets/{draft.version}/").content.decode()

    assert 'disabled aria-describedby="publish-refusal"' in page
    assert "Another admin must publish this draft: you made or edited it." in page


def test_publishing_asks_the_attestation(client):
    author, publisher = make_user(Role.ADMIN), make_user(Role.ADMIN)
    draft = ready_draft(author)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())
    client.force_login(publisher)
    page = client.get(f"/rulesets/{draft.version}/").content.decode()
    assert "I attest that I reviewed this rule set and its impact preview" in page

    refused = client.post(f"/rulesets/{draft.version}/publish/")
    assert refused.status_code == 400
    assert RuleSet.objects.get(pk=draft.pk).status == "draft"

    client.post(f"/rulesets/{draft.version}/publish/", {"attest": "on"})
    assert RuleSet.objects.get(pk=draft.pk).status == "published"
