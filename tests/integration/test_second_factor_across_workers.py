"""A second-factor code works once, whichever worker checks it."""

import time

import pytest

from patients.roles import Role
from tests.factories import make_user, totp_code
from tests.processes import run_in_process

CHECK_CODE = """
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
authenticator = Authenticator.objects.get(user_id=user_id, type="totp")
print(json.dumps(TOTP(authenticator).validate_code(code)))
"""


@pytest.mark.django_db(transaction=True)
def test_a_code_used_on_one_worker_is_refused_on_another():
    clinician = make_user(Role.CLINICIAN)
    if time.time() % 30 > 20:  # both checks must fall in the code's 30-second window
        time.sleep(30 - time.time() % 30)
    code = totp_code()

    first = run_in_process(CHECK_CODE, user_id=clinician.pk, code=code)
    replayed = run_in_process(CHECK_CODE, user_id=clinician.pk, code=code)

    assert (first, replayed) == (True, False)
