"""Create the demo users, one per role, and print their logins. Safe to run twice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from patients.demo import demo_patient_cases
from patients.roles import Role
from patients.services import user_ensure

DEMO_PASSWORD = "demo-password-1"
DEMO_USERS = (
    ("patient@example.com", "Pat", "Demo", Role.PATIENT),
    ("clinician@example.com", "Casey", "Clinician", Role.CLINICIAN),
    ("admin@example.com", "Alex", "Admin", Role.ADMIN),
)


class Command(BaseCommand):
    help = "Create one demo patient (with cases), clinician and admin (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo_data refuses to run with DJANGO_ENV=production")
        self.stdout.write("Demo logins (development only):")
        for email, first_name, last_name, role in DEMO_USERS:
            user = user_ensure(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                role=role,
            )
            if role is Role.PATIENT:
                patient_user = user
            self.stdout.write(f"  {role.label:<10} {email:<24} password: {DEMO_PASSWORD}")
        demo_patient_cases(patient_user)
        self.stdout.write(
            "The demo patient has three submitted cases (at home, in clinic, clinician "
            "review) and a questionnaire half done."
        )
