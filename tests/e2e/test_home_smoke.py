"""The home page renders in a real browser, styled by the app's own Bootstrap."""

from urllib.parse import urlparse


def test_it_renders_the_home_page_with_local_assets_only(page, live_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))

    page.goto("/")

    assert page.get_by_role("heading", name="Screening for ketamine therapy").is_visible()
    assert page.get_by_role("link", name="Sign in").first.is_visible()
    # Bootstrap loaded: .btn-primary is styled, not the browser's default button.
    colour = page.locator("a.btn-primary").first.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert colour == "rgb(13, 110, 253)"
    assert hosts == {urlparse(live_server.url).netloc}


def test_it_signs_in_a_demo_user_and_shows_the_role(page, django_user_model):
    from django.core.management import call_command

    call_command("demo_data", stdout=None)

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("patient@example.com")
    page.get_by_label("Password").fill("demo-password-1")
    page.get_by_role("button", name="Sign in").click()

    assert page.get_by_test_id("signed-in").inner_text().endswith("Patient")
