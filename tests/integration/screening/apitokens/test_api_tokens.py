"""Staff API tokens: made and revoked by admins, hashed at rest, read one endpoint only."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from patients.roles import Role
from patients.services import totp_ensure
from screening.apitokens.models import ApiToken
from screening.apitokens.services import (
    TokenRefused,
    api_token_create,
    api_token_revoke,
    digest_of,
)
from screening.audit.models import AuditEntry
from tests.factories import TOTP_SECRET, make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return make_user(Role.ADMIN)


@pytest.fixture
def issued(admin):
    """A clinician's token and its text."""
    token, text = api_token_create(
        actor=admin, user=make_user(Role.CLINICIAN), name="Clinic EHR", valid_days=90
    )
    return token, text


def api_get(path, text=None):
    headers = {"Authorization": f"Bearer {text}"} if text else {}
    return Client().get(path, headers=headers)


def bundle_path(case):
    return f"/fhir/Bundle/{case.submission.public_id}"


def test_an_admin_makes_a_token_shown_once_and_stored_as_a_digest(admin):
    clinician = make_user(Role.CLINICIAN)
    client = Client()
    client.force_login(admin)

    response = client.post(
        "/api-tokens/", {"name": "Clinic EHR", "user": clinician.pk, "valid_days": "90"}
    )

    assert response.status_code == 200
    token = ApiToken.objects.get()
    text = response.context["new_token"]
    assert text.startswith(token.prefix) and len(text) > 40
    assert token.digest == digest_of(text)
    assert text not in str(ApiToken.objects.values_list().get())
    assert token.user == clinician
    assert token.expires_at - token.created_at == timedelta(days=90)
    assert text not in client.get("/api-tokens/").content.decode()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.API_TOKEN_CREATED, actor=admin
    ).exists()


def test_a_token_reads_a_cases_bundle_and_the_read_is_audited(issued):
    token, text = issued
    case = make_case()

    response = api_get(bundle_path(case), text)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert Bundle.model_validate_json(response.content).id == str(case.submission.public_id)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.FHIR_EXPORTED)
    assert entry.actor == token.user
    assert entry.case == case
    assert token.prefix in entry.detail
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("header", ["", "Bearer kts_not-a-token", "Basic abc", "Bearer "])
def test_no_token_or_a_wrong_one_gets_401(header):
    case = make_case()
    headers = {"Authorization": header} if header else {}

    response = Client().get(bundle_path(case), headers=headers)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["resourceType"] == "OperationOutcome"
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.FHIR_EXPORTED).exists()


def test_a_revoked_token_is_refused_at_once(admin, issued):
    token, text = issued
    api_token_revoke(actor=admin, token=token)

    assert api_get(bundle_path(make_case()), text).status_code == 401
    assert AuditEntry.objects.filter(action=AuditEntry.Action.API_TOKEN_REVOKED).count() == 1


def test_an_admin_revokes_a_token_from_the_page(admin, issued):
    token, _ = issued
    client = Client()
    client.force_login(admin)

    response = client.post("/api-tokens/revoke/", {"token": token.pk})

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == admin
    assert client.post("/api-tokens/revoke/", {"token": "x"}).status_code == 400


def test_an_expired_token_is_refused(issued):
    token, text = issued
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert api_get(bundle_path(make_case()), text).status_code == 401


def test_a_token_stops_when_its_account_is_deactivated_or_leaves_staff(issued):
    token, text = issued
    case = make_case()
    token.user.groups.clear()

    assert api_get(bundle_path(case), text).status_code == 401

    token.user.groups.set(make_user(Role.ADMIN).groups.all())
    assert api_get(bundle_path(case), text).status_code == 200
    token.user.is_active = False
    token.user.save()
    assert api_get(bundle_path(case), text).status_code == 401


def test_a_token_stops_when_its_account_loses_its_second_factor(issued):
    token, text = issued
    case = make_case()
    assert api_get(bundle_path(case), text).status_code == 200

    Authenticator.objects.filter(user=token.user, type=Authenticator.Type.TOTP).delete()

    assert api_get(bundle_path(case), text).status_code == 401
    totp_ensure(user=token.user, secret=TOTP_SECRET)
    assert api_get(bundle_path(case), text).status_code == 200


def test_a_token_stops_when_its_account_holds_two_roles(issued):
    token, text = issued
    case = make_case()

    token.user.groups.add(*make_user(Role.THERAPIST).groups.all())

    assert api_get(bundle_path(case), text).status_code == 401


def test_no_token_is_made_for_an_account_without_a_second_factor(admin):
    clinician = make_user(Role.CLINICIAN, second_factor=False)
    client = Client()
    client.force_login(admin)

    with pytest.raises(TokenRefused):
        api_token_create(actor=admin, user=clinician, name="x", valid_days=30)
    response = client.post("/api-tokens/", {"name": "EHR", "user": clinician.pk, "valid_days": 90})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_only_staff_accounts_get_tokens(admin):
    with pytest.raises(TokenRefused):
        api_token_create(actor=admin, user=make_patient().user, name="x", valid_days=30)


def test_a_token_opens_no_other_page(issued):
    _, text = issued
    case = make_case()

    queue = api_get("/review/", text)
    case_page = api_get(f"/review/cases/{case.submission.public_id}/", text)

    assert queue.status_code == 302 and queue.url.startswith("/accounts/login/")
    assert case_page.status_code == 302


def test_a_signed_in_clinician_without_a_token_is_refused():
    client = Client()
    client.force_login(make_user(Role.CLINICIAN))

    assert client.get(bundle_path(make_case())).status_code == 403


def test_an_unknown_case_is_a_fhir_not_found(issued):
    _, text = issued

    response = api_get("/fhir/Bundle/00000000-0000-4000-8000-000000000000", text)

    assert response.status_code == 404
    assert response.json()["issue"][0]["code"] == "not-found"


def test_the_endpoint_is_read_only(issued):
    _, text = issued

    response = Client().post(
        bundle_path(make_case()), {}, headers={"Authorization": f"Bearer {text}"}
    )

    assert response.status_code == 405


def test_tokens_are_never_deleted(issued):
    token, _ = issued

    with pytest.raises(ValueError, match="revoked, never deleted"):
        token.delete()


def arabic_indic(number):
    return "".join(chr(0x0660 + int(digit)) for digit in str(number))


@pytest.mark.parametrize("posted", ["\u00b2", "1" * 5000, "1.0", "-1", ""], ids=repr)
def test_a_malformed_token_id_is_a_bad_request_and_revokes_nothing(admin, issued, posted):
    client = Client()
    client.force_login(admin)

    response = client.post("/api-tokens/revoke/", {"token": posted})

    assert response.status_code == 400
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()


def test_a_token_id_in_arabic_indic_digits_revokes_nothing(admin, issued):
    token, _ = issued
    client = Client()
    client.force_login(admin)

    assert client.post("/api-tokens/revoke/", {"token": arabic_indic(token.pk)}).status_code == 400
    token.refresh_from_db()
    assert token.revoked_at is None
    assert client.post("/api-tokens/revoke/", {"token": str(token.pk)}).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
