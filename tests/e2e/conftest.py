"""Browser tests: Debian's Chromium driven by Playwright, against a live test server.

Without Chromium they skip with the reason; E2E_REQUIRED=1 (set by .ci/run) turns
that skip into a failure.
"""

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return candidate if os.access(candidate, os.X_OK) else shutil.which("chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        wanted = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
        reason = f"no Chromium at {wanted} (set CHROMIUM_PATH or install chromium)"
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"E2E_REQUIRED=1 but {reason}")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the Django test
    # database is still used synchronously, from this thread only.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()
