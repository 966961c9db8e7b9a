"""Every worker shares one cache: sign-in failures count across processes."""

import pytest

from tests.factories import make_patient
from tests.processes import run_in_process

FAIL_TO_SIGN_IN = """
from django.test import Client
client = Client(REMOTE_ADDR=address)
codes = []
for _ in range(attempts):
    response = client.post("/accounts/login/", {"login": email, "password": "wrong password"})
    codes.append("Too many failed login attempts" in response.content.decode())
print(json.dumps(codes))
"""


@pytest.mark.django_db(transaction=True)
def test_two_workers_together_allow_five_failed_sign_ins_not_ten():
    email = make_patient().user.email

    first = run_in_process(FAIL_TO_SIGN_IN, email=email, attempts=3, address="203.0.113.1")
    second = run_in_process(FAIL_TO_SIGN_IN, email=email, attempts=3, address="203.0.113.2")

    assert first == [False, False, False]
    assert second == [False, False, True]  # the sixth failure is refused: five were used
