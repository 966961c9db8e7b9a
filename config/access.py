"""Who may use which page: one matrix, enforced by one middleware.

Every named view of the project has a row; a view without one is refused to
everybody (and fails the test that walks every URL). The accounts library's
pages manage their own access; the Django admin is for the admin role.
Object-level rules (a patient sees only their own cases) live in the selectors,
which answer 404 for anything else.

Deny by default: a signed-in user without exactly one known role ("no role")
is refused every page but the public ones, and sees a "no access" page with
sign-out; only an anonymous visitor is sent to sign in.

API tokens (screening.apitokens) are a principal of their own: a request with a
valid staff token reaches only the views whose row names API_TOKEN, and those
views answer nobody else (a request with no token gets 401, not a sign-in page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.cache import patch_cache_control

from patients.roles import Role, role_of

ANONYMOUS: Final = "anonymous"
NO_ROLE: Final = "no role"
SIGNED_IN: Final = frozenset({Role.PATIENT, Role.CLINICIAN, Role.ADMIN, Role.THERAPIST})
EVERYONE: Final = frozenset({ANONYMOUS, NO_ROLE, *SIGNED_IN})
PATIENTS: Final = frozenset({Role.PATIENT})
STAFF: Final = frozenset({Role.CLINICIAN, Role.ADMIN})
ADMINS: Final = frozenset({Role.ADMIN})
CLINICIANS: Final = frozenset({Role.CLINICIAN})  # clinic staff who run dosing sessions
# Therapists see only the patients assigned to them (404 otherwise, in the selectors): never
# the review queue, rule sets or clinicians' pages.
THERAPISTS: Final = frozenset({Role.THERAPIST})
API_TOKEN: Final = "api token"  # noqa: S105 (a principal's name: a request with a valid token)
API_CLIENTS: Final = frozenset({API_TOKEN})

MATRIX: Final[dict[str, frozenset[str]]] = {
    "home": EVERYONE,
    "healthz": EVERYONE,
    # The language switch: before sign-in too (staff pages stay English regardless).
    "language_set": EVERYONE,
    "start": SIGNED_IN,
    "session_keepalive": SIGNED_IN,
    "admin_password_change": ADMINS,
    "account": PATIENTS,
    "account_export": PATIENTS,
    "account_texts": PATIENTS,
    "intake_home": PATIENTS,
    "intake_step": PATIENTS,
    "intake_support": PATIENTS,
    "intake_review": PATIENTS,
    "intake_submit": PATIENTS,
    "submission_result": PATIENTS,
    "queue": STAFF,
    # Finding a patient: clinicians and admins every patient, a therapist their own caseload.
    "patients": STAFF | THERAPISTS,
    "case_detail": STAFF,
    "case_decide": STAFF,
    "case_claim": STAFF,
    "draft_detail": STAFF,
    "draft_contacted": STAFF,
    "audit_log": ADMINS,
    "golden_from_case": ADMINS,
    # Clinicians read rule sets too: a clinical lead among them signs drafts off.
    "rulesets": STAFF,
    "ruleset_new": ADMINS,
    "golden_cases": ADMINS,
    "ruleset_detail": STAFF,
    "ruleset_edit": ADMINS,
    "ruleset_sign_off": STAFF,
    "ruleset_preview": ADMINS,
    "ruleset_preview_status": ADMINS,
    "ruleset_publish": ADMINS,
    # The course of treatment: clinicians; a patient sees their own treatment only.
    "treatment_today": CLINICIANS,
    "treatment_unsigned": CLINICIANS,
    "treatment_course": CLINICIANS,
    # The list of courses and the way from a case to its course (an admin reads the chart).
    "treatment_courses": STAFF,
    "treatment_case_course": STAFF,
    # A patient's chart: a therapist reads only their own patients' (404 otherwise).
    "patient_chart": frozenset({Role.CLINICIAN, Role.ADMIN, Role.THERAPIST}),
    "treatment_course_schedule": CLINICIANS,
    "treatment_course_status": CLINICIANS,
    "treatment_course_safety_check": CLINICIANS,
    "treatment_course_note": CLINICIANS,
    "treatment_course_therapy": CLINICIANS,
    "treatment_task": CLINICIANS,
    "treatment_session": CLINICIANS,
    "treatment_session_check": CLINICIANS,
    "treatment_session_override": CLINICIANS,
    "treatment_session_dose": CLINICIANS,
    "treatment_session_prescription": CLINICIANS,
    "treatment_session_observation": CLINICIANS,
    "treatment_session_alerts": CLINICIANS,
    "treatment_session_escort": CLINICIANS,
    "treatment_session_discharge": CLINICIANS,
    "treatment_record_sign": CLINICIANS,
    "treatment_record_amend": CLINICIANS,
    "treatment_record_print": CLINICIANS,
    "treatment_record_pdf": CLINICIANS,
    "my_treatment": PATIENTS,
    # The at-home loop: the patient's own sessions only (anything else is a 404).
    "my_treatment_measures": PATIENTS,
    "my_session": PATIENTS,
    "my_session_check_in": PATIENTS,
    "my_session_start": PATIENTS,
    "my_session_reading": PATIENTS,
    "my_session_side_effects": PATIENTS,
    # Therapy around each dose: the patient's own goals, intention (read by the patient and
    # their therapist only) and reflection; the therapist's own patients.
    "my_goals": PATIENTS,
    "my_therapy": PATIENTS,
    "my_intention": PATIENTS,
    "my_reflection": PATIENTS,
    "therapy_caseload": THERAPISTS,
    "therapy_course": THERAPISTS,
    "therapy_intake": THERAPISTS,
    "therapy_session": THERAPISTS,
    "therapy_readiness": THERAPISTS,
    "therapy_preparation": THERAPISTS,
    "therapy_integration": THERAPISTS,
    "therapy_meeting_day": THERAPISTS,
    # Interoperability and insight: FHIR export, referral summary, dashboard, API tokens.
    "case_fhir": STAFF,
    "case_referral": STAFF,
    "case_referral_pdf": STAFF,
    "submission_fhir": PATIENTS,
    "fhir_bundle_api": API_CLIENTS,
    "dashboard": STAFF,
    "dashboard_csv": STAFF,
    # Program outcomes: directors (admins and clinical leads) and every clinician read them.
    "treatment_outcomes": STAFF,
    "treatment_outcomes_csv": STAFF,
    "treatment_outcomes_courses_csv": STAFF,
    "api_tokens": ADMINS,
    "api_token_revoke": ADMINS,
}
SERVED_METHODS: Final = ["GET", "HEAD", "POST"]
LIBRARY_MODULES: Final = ("allauth.",)  # sign-in, sign-up, second factor: their own rules
ADMIN_SITE_NAMESPACE: Final = "admin"


def allowed_roles(url_name: str | None, namespace: str, module: str) -> frozenset[str] | None:
    """The roles allowed on a view; None where the accounts library decides."""
    if module.startswith(LIBRARY_MODULES):
        return None
    if namespace == ADMIN_SITE_NAMESPACE:
        return ADMINS
    return MATRIX.get(url_name or "", frozenset())


class AccessMiddleware:
    """Refuses a view to a role the matrix does not allow (sign-in comes first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None:
            return None
        roles = allowed_roles(match.url_name, match.namespace, view.__module__)
        if roles is None:
            return None
        if request.method not in SERVED_METHODS:  # OPTIONS, TRACE, PUT...: none of ours
            return HttpResponseNotAllowed(SERVED_METHODS)
        principal = principal_of(request)
        if principal == ANONYMOUS and ANONYMOUS not in roles:
            if API_TOKEN in roles:
                return token_refused("This endpoint needs a staff API token.")
            return None  # LoginRequiredMiddleware sends the visitor to sign in
        if principal not in roles:
            raise PermissionDenied("Your role may not use this page")
        return None


class NoStoreMiddleware:
    """A page shown to a signed-in user may hold health data: no cache may keep it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, no_store=True, no_cache=True, private=True)
        return response


def token_refused(message: str) -> HttpResponse:
    """401 for an API client, as a FHIR OperationOutcome."""
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "login", "diagnostics": message}],
    }
    response = JsonResponse(outcome, status=401, content_type="application/fhir+json")
    response["WWW-Authenticate"] = 'Bearer realm="fhir"'
    return response


def principal_of(request: HttpRequest) -> str:
    """Who the matrix sees: an API token, anonymous, a role, or a signed-in user with no role."""
    if getattr(request, "api_token", None) is not None:
        return API_TOKEN
    if not request.user.is_authenticated:
        return ANONYMOUS
    return role_of(request.user) or NO_ROLE
