"""Signing in through the real pages, with the second factor for staff."""

from tests.factories import PASSWORD, totp_code


def sign_in(page, email, *, second_factor=False):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if second_factor:
        page.get_by_label("Code").fill(totp_code())
        page.get_by_role("button", name="Sign in").click()
