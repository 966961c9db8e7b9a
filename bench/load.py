"""Load test: gunicorn with production settings on PostgreSQL, 50 simulated patients.

Each simulated patient signs in, then fills and submits intakes in a loop for the
run's length; each also hits a floor view that does one INSERT. Prints requests
per second, latency percentiles, 5xx count, and submissions confirmed to the
clients versus rows in the database.

Run: BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/load.py [--seconds 60]
The database must be empty (it is migrated and filled with test patients).
Traffic goes to 127.0.0.1 only; each simulated patient uses its own loopback
address (127.0.0.N), as separate people would.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PORT = 58123
BORN = date(1980, 1, 1)
PASSWORD = "load-test-password-1"


class Browser:
    """A minimal cookie-keeping HTTP client over one keep-alive connection."""

    def __init__(self, source: str, timings: dict[str, list[float]], errors: list[int]) -> None:
        self.source, self.timings, self.errors = source, timings, errors
        self.cookies: dict[str, str] = {}
        self.conn = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(
            "127.0.0.1", PORT, timeout=30, source_address=(self.source, 0)
        )

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        form: dict[str, object] | None = None,
        cookies: bool = True,
    ) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(form or {}, doseq=True) if form is not None else None
        headers = {"Host": "127.0.0.1"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        if cookies and self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        for attempt in (1, 2):  # once more on a fresh connection if keep-alive went stale
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode()
                break
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = self._connect()
                if attempt == 2:
                    self.errors.append(0)
                    return 0, "", ""
                started = time.perf_counter()
        self.timings[kind].append(time.perf_counter() - started)
        if response.status >= 500:
            self.errors.append(response.status)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and cookies:
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), text

    def form(self, kind: str, path: str, data: dict[str, object]) -> tuple[int, str, str]:
        if "csrftoken" not in self.cookies:
            self.request("page", "GET", "/accounts/login/")
        return self.request(
            kind, "POST", path, {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}
        )


def patient_loop(email, source, deadline, posts, timings, errors, confirmed, think):
    browser = Browser(source, timings, errors)
    browser.request("page", "GET", "/accounts/login/")
    status, location, _ = browser.form(
        "sign_in", "/accounts/login/", {"login": email, "password": PASSWORD}
    )
    if status != 302:
        errors.append(status or 1)
        return
    while time.perf_counter() < deadline:
        browser.form("step", "/intake/", {})
        for slug, data in posts.items():
            time.sleep(think)  # a person reads and answers the page
            browser.form("step", f"/intake/step/{slug}/", data)
        _, _, review = browser.request("page", "GET", "/intake/review/")
        draft = re.search(r'name="draft" value="([0-9a-f-]+)"', review)
        if not draft:
            errors.append(1)
            continue
        status, location, _ = browser.form("submit", "/intake/submit/", {"draft": draft.group(1)})
        if status == 302 and "/submissions/" in location:
            confirmed.add(location.rstrip("/").rsplit("/", 1)[-1])
        browser.form("floor", "/bench-floor/", {})


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--patients", type=int, default=50)
    # The production setting the README recommends for a 2-core machine.
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--think", type=float, default=0.5, help="seconds between a patient's steps"
    )
    args = parser.parse_args()
    if not os.environ.get("BENCH_DATABASE_URL"):
        raise SystemExit("Set BENCH_DATABASE_URL to an empty PostgreSQL database.")

    env = {
        **os.environ,
        "DATABASE_URL": os.environ["BENCH_DATABASE_URL"],
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",
        "SITE_URL": "https://127.0.0.1",
        "ROOT_URLCONF": "bench.floor",
        "CELERY_BROKER_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MFA_ENCRYPTION_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    os.environ.update(env)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)

    import django

    django.setup()
    from django.db import connection

    from patients.models import Submission
    from patients.roles import Role
    from patients.services import patient_register, user_ensure
    from tests.intake import CLEAN_POSTS

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_floor (id bigserial primary key)")
    emails = [f"load{n}@example.org" for n in range(args.patients)]
    for email in emails:
        user = user_ensure(
            email=email, password=PASSWORD, first_name="L", last_name="T", role=Role.PATIENT
        )
        patient_register(
            user=user,
            given_name="L",
            family_name="T",
            date_of_birth=__import__("datetime").date(1980, 1, 1),
        )
    rows_before = Submission.objects.count()
    connection.close()

    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(args.workers),
            "-k",
            "gthread",
            "--threads",
            str(args.threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[int] = []
        confirmed: set[str] = set()
        started = time.perf_counter()
        deadline = started + args.seconds
        threads = [
            threading.Thread(
                target=patient_loop,
                args=(
                    email,
                    f"127.0.0.{n + 2}",
                    deadline,
                    CLEAN_POSTS,
                    timings,
                    errors,
                    confirmed,
                    args.think,
                ),
            )
            for n, email in enumerate(emails)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 120)
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    stored = Submission.objects.count() - rows_before
    stored_ids = {str(u) for u in Submission.objects.values_list("public_id", flat=True)}
    total = sum(len(v) for v in timings.values())
    print(
        f"{args.patients} patients, {elapsed:.0f} s, {connection.vendor}, "
        f"gunicorn {args.workers} workers x {args.threads} threads"
    )
    print(f"think time between steps: {args.think} s")
    print(f"requests: {total:,} ({total / elapsed:,.0f}/s); 5xx or failed: {len(errors)}")
    for kind in ("sign_in", "step", "page", "submit", "floor"):
        values = timings.get(kind, [])
        if values:
            print(
                f"  {kind:<8} n={len(values):>6}  p50 {percentile(values, 0.5):7.1f} ms  "
                f"p95 {percentile(values, 0.95):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms"
            )
    lost = len(confirmed - stored_ids)
    print(f"submissions: {len(confirmed)} confirmed to clients, {stored} rows stored, {lost} lost")
    if timings.get("submit") and timings.get("floor"):
        ratio = percentile(timings["submit"], 0.95) / percentile(timings["floor"], 0.95)
        print(f"p95 submit / p95 floor: {ratio:.2f} (target below 2)")


if __name__ == "__main__":
    main()
