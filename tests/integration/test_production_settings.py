"""DJANGO_ENV=production: refuses to start half-configured, passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x7#kq2!vN9pL4zR8wT1mY6cB3hJ5dF0gS-aE7uI2oP9lK4jH8-test-only",
    "ALLOWED_HOSTS": "screening.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "MFA_ENCRYPTION_KEY": "kWvA0lO3tH0xGQy0n0n6b4yW6l2yO2Ue2l0o1hS8F4M=",
    "SITE_URL": "https://screening.example.org",
}


def manage(*args, **env):
    unset = (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DEBUG",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "EMAIL_HOST",
        "EMAIL_BACKEND",
        "MFA_ENCRYPTION_KEY",
        "CACHE_URL",
        "SITE_URL",
    )
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_passes_check_deploy_with_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_a_load_balancer_probe_by_address_over_plain_http_is_answered():
    probe = (
        "from django.test import Client; client = Client(); "
        "print(client.get('/healthz', headers={'host': '10.0.0.5:8000'}).status_code, "
        "client.get('/', headers={'host': 'screening.example.org'}).status_code)"
    )

    result = manage("shell", "--no-imports", "-c", probe, **PRODUCTION)

    assert result.stdout.split() == ["200", "301"], result.stderr  # the rest goes to HTTPS


def test_it_refuses_to_start_without_a_secret_key():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})

    assert result.returncode != 0
    assert "DJANGO_ENV=production needs SECRET_KEY set in the environment" in result.stderr


def test_it_refuses_to_start_without_allowed_hosts():
    result = manage("check", **{**PRODUCTION, "ALLOWED_HOSTS": ""})

    assert result.returncode != 0
    assert "needs ALLOWED_HOSTS set" in result.stderr


def test_it_reads_the_secret_key_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text(PRODUCTION["SECRET_KEY"] + "\n")
    env = {**PRODUCTION, "SECRET_KEY": "", "SECRET_KEY_FILE": str(secret)}

    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode == 0, result.stderr


def test_it_turns_debug_off_and_cookies_secure_in_production():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS)"
    )

    result = manage("shell", "--no-imports", "-c", code, **{**PRODUCTION, "DEBUG": "True"})

    assert result.stdout.split() == ["False", "True", "True", "True", "31536000"]


def test_it_rejects_a_boolean_variable_that_is_not_true_or_false():
    result = manage("check", DEBUG="yes")

    assert result.returncode != 0
    assert "DEBUG must be True or False, not 'yes'" in result.stderr


def test_it_refuses_to_start_without_a_way_to_send_email():
    result = manage("check", **{**PRODUCTION, "EMAIL_HOST": ""})

    assert result.returncode != 0
    assert "needs EMAIL_HOST (an SMTP server) or a deliberate EMAIL_BACKEND" in result.stderr


def test_a_deliberate_console_email_backend_starts_but_check_deploy_says_so():
    console = "django.core.mail.backends.console.EmailBackend"
    env = {**PRODUCTION, "EMAIL_HOST": "", "EMAIL_BACKEND": console}

    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode != 0
    assert "project.W001" in result.stderr + result.stdout
    assert "Emails are not delivered" in result.stderr + result.stdout


def test_it_refuses_to_start_without_a_key_for_second_factor_secrets():
    result = manage("check", **{**PRODUCTION, "MFA_ENCRYPTION_KEY": ""})

    assert result.returncode != 0
    assert "needs MFA_ENCRYPTION_KEY" in result.stderr


def test_it_refuses_to_start_with_a_cache_of_its_own_per_worker():
    result = manage("check", **{**PRODUCTION, "CACHE_URL": "locmem://"})

    assert result.returncode != 0
    assert "needs a cache shared by every worker" in result.stderr


def test_it_refuses_to_start_without_an_https_site_address_for_links_in_emails():
    for site_url in ("", "http://screening.example.org"):
        result = manage("check", **{**PRODUCTION, "SITE_URL": site_url})

        assert result.returncode != 0
        assert "needs SITE_URL, the https:// address" in result.stderr
