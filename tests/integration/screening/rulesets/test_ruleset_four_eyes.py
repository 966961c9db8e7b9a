"""Four eyes on rule sets: a clinical lead signs off; someone who did not write it publishes."""

import threading

import pytest
from django.db import connection

from patients.models import User
from patients.roles import Role
from screening.rulesets import services as rulesets
from screening.rulesets.models import RuleSet
from screening.rulesets.services import (
    RuleSetError,
    can_sign_off,
    ruleset_draft_create,
    ruleset_draft_update,
    ruleset_publish,
    ruleset_sign_off,
)
from tests.factories import PASSWORD, make_clinical_lead, make_user, preview_now

pytestmark = pytest.mark.django_db


def edit(draft, actor, **thresholds):
    return ruleset_draft_update(
        draft=draft,
        actor=actor,
        thresholds={**draft.thresholds, **thresholds},
        disabled_rules=[],
        note="Panic flag later",
    )


def test_it_stops_an_admin_who_edited_another_admins_draft_from_signing_off_and_publishing():
    author, editor = make_user(Role.ADMIN), make_clinical_lead(role=Role.ADMIN)
    draft = edit(ruleset_draft_create(actor=author), editor, gad7_panic=16)
    preview_now(draft, editor)

    with pytest.raises(RuleSetError, match="you made the last change"):
        ruleset_sign_off(draft=draft, actor=editor)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())
    with pytest.raises(RuleSetError, match="you made or edited it"):
        ruleset_publish(draft=draft, actor=editor)
    with pytest.raises(RuleSetError, match="you made or edited it"):
        ruleset_publish(draft=draft, actor=author)

    assert RuleSet.objects.get(status="published").version == 1


def test_it_lets_only_a_clinical_lead_sign_off():
    author = make_user(Role.ADMIN)
    draft = edit(ruleset_draft_create(actor=author), author, gad7_panic=16)
    root = User.objects.create_superuser("root@example.org", PASSWORD)

    for outsider in (make_user(Role.ADMIN), make_user(Role.CLINICIAN), root):
        assert not can_sign_off(outsider)
        with pytest.raises(RuleSetError, match="Only a clinical lead"):
            ruleset_sign_off(draft=draft, actor=outsider)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())

    draft.refresh_from_db()
    assert draft.sign_off_is_current


def test_a_clinical_lead_signs_off_through_the_page(client):
    author, lead = make_user(Role.ADMIN), make_clinical_lead()
    draft = edit(ruleset_draft_create(actor=author), author, gad7_panic=16)
    client.force_login(lead)

    page = client.get(f"/rulesets/{draft.version}/")
    response = client.post(f"/rulesets/{draft.version}/sign-off/", follow=True)

    assert b"I have read this summary and sign it off" in page.content
    assert b"Signed off by " + lead.email.encode() in response.content


def test_publishing_needs_a_preview_of_the_draft_as_it_stands():
    author, lead, publisher = make_user(Role.ADMIN), make_clinical_lead(), make_user(Role.ADMIN)
    draft = edit(ruleset_draft_create(actor=author), author, gad7_panic=16)
    ruleset_sign_off(draft=draft, actor=lead)

    with pytest.raises(RuleSetError, match="Preview the impact"):
        ruleset_publish(draft=draft, actor=publisher)
    preview_now(draft, author)
    draft = edit(draft, author, gad7_panic=17)  # the preview is now of older thresholds
    ruleset_sign_off(draft=draft, actor=lead)
    with pytest.raises(RuleSetError, match="Preview the impact"):
        ruleset_publish(draft=draft, actor=publisher)


def test_the_change_note_is_asked_once_with_the_thresholds():
    author, publisher = make_user(Role.ADMIN), make_user(Role.ADMIN)
    draft = ruleset_draft_update(
        draft=ruleset_draft_create(actor=author),
        actor=author,
        thresholds={**RuleSet.objects.get(version=1).thresholds, "gad7_panic": 16},
        disabled_rules=[],
        note="",
    )
    preview_now(draft, author)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())

    with pytest.raises(RuleSetError, match="what changes and why"):
        ruleset_publish(draft=draft, actor=publisher)
    edit(draft, author)  # the same thresholds, with a note: the sign-off still holds
    published = ruleset_publish(draft=draft, actor=publisher)

    assert published.events.get(action="published").changes["note"] == "Panic flag later"


@pytest.mark.django_db(transaction=True)
def test_an_edit_racing_a_publication_never_publishes_unsigned_thresholds(monkeypatch):
    author, publisher = make_user(Role.ADMIN), make_user(Role.ADMIN)
    draft = edit(ruleset_draft_create(actor=author), author, gad7_panic=16)
    preview_now(draft, author)
    ruleset_sign_off(draft=draft, actor=make_clinical_lead())
    refused = []

    def concurrent_edit():
        try:
            edit(RuleSet.objects.get(pk=draft.pk), author, gad7_panic=18)
        except RuleSetError as error:
            refused.append(str(error))
        finally:
            connection.close()

    checks = rulesets.golden_disagreements
    editors = []

    def golden_disagreements_while_an_edit_arrives(thresholds):
        editor = threading.Thread(target=concurrent_edit)
        editors.append(editor)
        editor.start()
        editor.join(timeout=1)  # an edit that is not locked out lands now
        return checks(thresholds)

    monkeypatch.setattr(
        rulesets, "golden_disagreements", golden_disagreements_while_an_edit_arrives
    )
    ruleset_publish(draft=draft, actor=publisher)
    for editor in editors:
        editor.join(timeout=30)

    published = RuleSet.objects.get(status="published")
    assert published.thresholds["gad7_panic"] == 16
    assert published.sign_off_is_current
    assert refused == ["Only a draft can be changed."]
