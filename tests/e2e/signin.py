"""Signing in through the real pages, with the second factor for staff."""

import time

from tests.factories import PASSWORD, totp_code

TOTP_STEP = 30
# A code typed in the last seconds of its 30-second step may reach the server in the next
# one, where it no longer counts (no tolerance): wait for a fresh step instead.
SAFE_MARGIN = 5


def fresh_totp_code():
    left = TOTP_STEP - time.time() % TOTP_STEP
    if left < SAFE_MARGIN:
        time.sleep(left + 0.1)
    return totp_code()


def sign_in(page, email, *, second_factor=False):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if second_factor:
        code = page.get_by_label("Code")
        code.wait_for()
        code.fill(fresh_totp_code())
        page.get_by_role("button", name="Sign in").click()
