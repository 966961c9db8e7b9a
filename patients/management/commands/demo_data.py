"""Create the demo users and cases, and print the logins. Safe to run twice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from patients.demo import demo_patient_cases, demo_queue
from patients.models import User
from patients.roles import Role
from patients.services import totp_ensure, user_ensure
from screening.rulesets.services import clinical_lead_grant
from treatment.demo import demo_courses, demo_home_history

DEMO_PASSWORD = "demo-password-1"
# Development only: staff sign in with a second factor, from these known secrets.
DEMO_USERS = (
    ("patient@example.com", "Pat", "Demo", Role.PATIENT, ""),
    ("clinician@example.com", "Casey", "Clinician", Role.CLINICIAN, "DEMOCLINICIANSECRETKEY22"),
    ("admin@example.com", "Alex", "Admin", Role.ADMIN, "DEMOADMINSECRETKEYFORMFA"),
    # Four eyes on rule sets: a second admin publishes, a clinical lead signs off.
    ("admin2@example.com", "Ari", "Admin", Role.ADMIN, "DEMOSECONDADMINSECRETKEY"),
    ("lead@example.com", "Lee", "Lead", Role.CLINICIAN, "DEMOCLINICALLEADSECRET22"),
    ("therapist@example.com", "Sam", "Rivera", Role.THERAPIST, "DEMOTHERAPISTSECRETKEY22"),
)
CLINICAL_LEADS = ("lead@example.com",)


class Command(BaseCommand):
    help = (
        "Create demo users (every role, a clinical lead, two admins, a therapist) and cases; "
        "development only."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo_data refuses to run with DJANGO_ENV=production")
        users: dict[Role, User] = {}
        for email, first_name, last_name, role, totp_secret in DEMO_USERS:
            user = user_ensure(
                email=email,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                role=role,
            )
            users.setdefault(role, user)
            if totp_secret:
                totp_ensure(user=user, secret=totp_secret)
            if email in CLINICAL_LEADS:
                clinical_lead_grant(user=user)
        # The demo's own notification emails would drown the logins printed below.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            demo_patient_cases(users[Role.PATIENT])
            demo_queue(DEMO_PASSWORD)
            therapist = users[Role.THERAPIST]
            treated = demo_courses(users[Role.CLINICIAN], DEMO_PASSWORD, therapist)
            history = demo_home_history(users[Role.CLINICIAN], DEMO_PASSWORD, therapist)

        self.stdout.write("Demo logins (development only), password for all: " + DEMO_PASSWORD)
        for email, _, _, role, totp_secret in DEMO_USERS:
            second = f"  TOTP secret {totp_secret}" if totp_secret else ""
            label = "Clin. lead" if email in CLINICAL_LEADS else role.label
            self.stdout.write(f"  {label:<10} {email:<24}{second}")
        self.stdout.write(
            "Staff sign in with a code from an authenticator app set up with the secret, or from:\n"
            "  .venv/bin/python manage.py demo_totp clinician@example.com\n"
            "The demo patient has three submitted cases (at home, in clinic, clinician review)\n"
            "and a questionnaire half done; five more patients fill the review queue.\n"
            f"In treatment, with a session today ({' and '.join(treated)}): the first in the "
            "clinic, the second at home with a check-in due today.\n"
            f"{history} has a week of at-home sessions and a check-in on hold today.\n"
            f"The therapist {therapist.email} has both at-home patients: /therapy/\n"
            "The clinician's board: /treatment/today/; patients: /treatment/mine/"
        )
