"""Print the current second-factor code of a demo staff user (development only)."""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from patients.management.commands.demo_data import DEMO_USERS


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo staff user; refuses in production."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo_totp refuses to run with DJANGO_ENV=production")
        secrets = {email: secret for email, _, _, _, secret in DEMO_USERS if secret}
        if options["email"] not in secrets:
            raise CommandError(f"not a demo staff user; choose one of: {', '.join(secrets)}")
        counter = int(time.time()) // 30
        self.stdout.write(format_hotp_value(hotp_value(secrets[options["email"]], counter)))
