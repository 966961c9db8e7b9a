"""Browser contexts already signed in, as a session cookie the test client made."""

from django.conf import settings
from django.test import Client


def signed_in_context(browser, live_server, user, *, width=1280, height=900):
    """A desktop context `width` px wide with `user` signed in (no login pages walked)."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return context
