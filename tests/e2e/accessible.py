"""axe-core at desktop width and at a 390 px phone, for the journeys."""

from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

SERIOUS = ("serious", "critical")
PHONE_WIDTH = 390


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}) at "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def assert_accessible_on_desktop_and_phone(page):
    """No serious axe-core violation, as wide as a desktop and as a 390 px phone, and no
    sideways scrolling on the phone."""
    size = page.viewport_size
    assert serious_violations(page) == [], page.url
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    assert serious_violations(page) == [], f"{page.url} at {PHONE_WIDTH} px"
    width, window = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"
    page.set_viewport_size(size)
