"""Behind a load balancer: the client's address, not the proxy's, for throttling and audit.

X-Forwarded-For counts only when the proxies in front are declared
(TRUSTED_PROXY_COUNT); otherwise it is ignored, since any client can forge it.
"""

import pytest
from django.test import Client

from patients.roles import Role
from screening.audit.models import AuditEntry
from tests.factories import PASSWORD, make_case, make_patient, make_user

pytestmark = pytest.mark.django_db


def open_case_from(forwarded_for: str) -> AuditEntry:
    client = Client(headers={"x-forwarded-for": forwarded_for})
    client.force_login(make_user(Role.CLINICIAN))
    client.get(f"/review/cases/{make_case().submission.public_id}/")
    return AuditEntry.objects.get(action="case_viewed")


def test_a_forged_forwarded_for_is_ignored_without_a_trusted_proxy():
    assert open_case_from("203.0.113.9").ip_address == "127.0.0.1"


def test_the_audit_trail_records_the_client_behind_a_trusted_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    # The client forged the first entry; the proxy appended the address it saw.
    assert open_case_from("198.51.100.7, 203.0.113.9").ip_address == "203.0.113.9"


def test_a_header_set_by_the_proxy_can_name_the_client(settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    client = Client(headers={"x-real-ip": "203.0.113.20"})
    client.force_login(make_user(Role.CLINICIAN))

    client.get("/review/")

    assert AuditEntry.objects.get(action="queue_viewed").ip_address == "203.0.113.20"


def test_sign_in_throttling_tells_clients_behind_one_proxy_apart(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    emails = [make_patient().user.email for _ in range(11)]
    attacker = Client(headers={"x-forwarded-for": "203.0.113.66"})
    for email in emails[:10]:
        attacker.post("/accounts/login/", {"login": email, "password": "wrong password"})
    neighbour = Client(headers={"x-forwarded-for": "203.0.113.67"})

    attacker.post("/accounts/login/", {"login": emails[10], "password": PASSWORD})
    neighbour.post("/accounts/login/", {"login": emails[10], "password": PASSWORD})

    assert "_auth_user_id" not in attacker.session
    assert "_auth_user_id" in neighbour.session
