"""Writes for accounts, intake drafts and submissions."""

from __future__ import annotations

from datetime import date

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from patients.intake.steps import REVIEW, SAFETY_CHECKED_STEPS, SLUGS, steps_missing_answers
from patients.models import IntakeDraft, Patient, Submission, User, new_case_number
from patients.receipts import submission_receipt_send
from patients.roles import Role
from patients.signals import draft_flagged_urgent, submission_screened
from screening.results.services import screening_record
from screening.rules import InvalidAnswers, crisis_resources_needed, parse_answers
from screening.rules.answers import LATEST_FORMAT


@transaction.atomic
def user_ensure(*, email: str, password: str, first_name: str, last_name: str, role: Role) -> User:
    """Create the user in `role` with a verified email, or reset an existing one."""
    user, _ = User.objects.get_or_create(email=email)
    user.first_name, user.last_name = first_name, last_name
    user.is_staff = user.is_superuser = role is Role.ADMIN
    user.set_password(password)
    user.save()
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def totp_ensure(*, user: User, secret: str) -> None:
    """Give the user a TOTP second factor with this secret (and recovery codes), once."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
        RecoveryCodes.activate(user)


@transaction.atomic
def patient_register(
    *,
    user: User,
    given_name: str,
    family_name: str,
    date_of_birth: date,
    phone: str = "",
    texts_ok: bool = False,
    language: str = "",
) -> Patient:
    """Give a signed-up user a patient profile and the patient role; `language`: the one the
    patient signed up in (the switch's, else their browser's)."""
    patient, _ = Patient.objects.update_or_create(
        user=user,
        defaults={
            "given_name": given_name,
            "family_name": family_name,
            "date_of_birth": date_of_birth,
            "phone": phone,
            "texts_ok": texts_ok,
            "language": language,
        },
    )
    user.first_name, user.last_name = given_name, family_name
    user.save(update_fields=["first_name", "last_name"])
    group, _ = Group.objects.get_or_create(name=Role.PATIENT.value)
    user.groups.add(group)
    return patient


def draft_open(*, patient: Patient) -> IntakeDraft:
    """The patient's open draft, created on first use; there is never more than one."""
    try:
        with transaction.atomic():
            draft, _ = IntakeDraft.objects.get_or_create(
                patient=patient,
                status=IntakeDraft.Status.OPEN,
                defaults={"resume_step": SLUGS[0], "answers": {"format": LATEST_FORMAT}},
            )
    except IntegrityError:  # another request opened it first
        draft = IntakeDraft.objects.get(patient=patient, status=IntakeDraft.Status.OPEN)
    return draft


def _resume_step(completed: list[str]) -> str:
    return next((slug for slug in SLUGS if slug not in completed), REVIEW)


def _completed(answers: dict[str, object], steps: set[str]) -> list[str]:
    """Of these steps, in order, those whose answers the latest format has in full."""
    missing = steps_missing_answers(answers)
    return [slug for slug in SLUGS if slug in steps and slug not in missing]


@transaction.atomic
def draft_save_step(
    *,
    draft: IntakeDraft,
    slug: str,
    keys: tuple[str, ...],
    step_answers: dict[str, object],
    language: str = "en",
) -> bool:
    """Replace the step's answers; True when the answers now call for crisis resources.

    A step done earlier that this one makes incomplete (a support person named
    on the home step, say, and no contact for them yet) is to be done again.
    """
    draft = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
    answers = {k: v for k, v in draft.answers.items() if k not in keys}
    draft.answers = answers | step_answers | {"format": LATEST_FORMAT}
    draft.completed_steps = _completed(draft.answers, {*draft.completed_steps, slug})
    draft.unsaved_inputs.pop(slug, None)
    draft.resume_step = _resume_step(draft.completed_steps)
    draft.language = language
    draft.save()
    crisis = slug in SAFETY_CHECKED_STEPS and draft_needs_crisis_resources(draft)
    if crisis:
        draft_flag_urgent(draft=draft)
    return crisis


def draft_needs_crisis_resources(draft: IntakeDraft) -> bool:
    try:
        return crisis_resources_needed(parse_answers(draft.answers))
    except InvalidAnswers:  # cannot happen for saved steps; err on the safe side
        return True


@transaction.atomic
def draft_flag_urgent(*, draft: IntakeDraft) -> None:
    """Flag the draft for clinicians now, whether or not the patient ever submits.

    A draft already flagged stays as it is, unless a clinician has followed it up
    since: then it is flagged again.
    """
    followed_up = IntakeDraft.objects.filter(
        pk=OuterRef("pk"), urgent_contacts__at__gte=OuterRef("urgent_since")
    )
    updated = (
        IntakeDraft.objects.filter(pk=draft.pk)
        .filter(Q(urgent_since__isnull=True) | Exists(followed_up))
        .update(urgent_since=timezone.now())
    )
    if updated:
        draft_flagged_urgent.send(sender=IntakeDraft, draft=draft)


def draft_keep_unsaved(*, draft: IntakeDraft, slug: str, inputs: dict[str, list[str]]) -> None:
    """Keep what was typed on a step the patient left without finishing it."""
    with transaction.atomic():
        draft = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
        draft.unsaved_inputs[slug] = inputs
        draft.save(update_fields=["unsaved_inputs", "updated_at"])


def submission_create(*, draft: IntakeDraft) -> Submission:
    """Freeze the draft's answers, screen them and store the decision, all at once.

    Submitting a draft twice (a double click, a resent form) returns the one
    submission it already made.
    """
    try:
        with transaction.atomic():
            draft = IntakeDraft.objects.select_for_update().get(pk=draft.pk)
            if draft.status == IntakeDraft.Status.SUBMITTED:
                return draft.submission
            age = draft.patient.age_on(timezone.localdate())
            submission = _submission_insert(draft=draft, answers={**draft.answers, "age": age})
            result = screening_record(submission=submission)
            submission_screened.send(sender=Submission, submission=submission, result=result)
            draft.status = IntakeDraft.Status.SUBMITTED
            draft.unsaved_inputs = {}
            draft.save(update_fields=["status", "unsaved_inputs", "updated_at"])
            email, number = draft.patient.user.email, submission.case_number
            language = draft.patient.language
            transaction.on_commit(
                lambda: submission_receipt_send(email=email, case_number=number, language=language)
            )
            return submission
    except IntegrityError:  # a concurrent submit of the same draft won
        return Submission.objects.get(draft_id=draft.pk)


CASE_NUMBER_ATTEMPTS = 5


def _submission_insert(*, draft: IntakeDraft, answers: dict[str, object]) -> Submission:
    """Insert the submission, drawing a new case number while the one drawn is taken."""
    for _ in range(CASE_NUMBER_ATTEMPTS - 1):
        number = new_case_number()
        try:
            with transaction.atomic():
                return Submission.objects.create(
                    patient=draft.patient,
                    draft=draft,
                    answers=answers,
                    case_number=number,
                    language=draft.language,
                )
        except IntegrityError:
            if not Submission.objects.filter(case_number=number).exists():
                raise  # not a clash of case numbers
    return Submission.objects.create(
        patient=draft.patient, draft=draft, answers=answers, language=draft.language
    )


@transaction.atomic
def draft_reopen(*, submission: Submission, steps: list[str]) -> IntakeDraft:
    """A clinician asked for more: reopen these steps in a new draft, pre-filled.

    A draft the patient already has open is kept, with the steps marked to redo.
    """
    patient = submission.patient
    draft = (
        IntakeDraft.objects.select_for_update()
        .filter(patient=patient, status=IntakeDraft.Status.OPEN)
        .first()
    )
    if draft is None:
        answers = {k: v for k, v in submission.answers.items() if k != "age"}
        answers["format"] = LATEST_FORMAT  # a format-1 submission: its new steps are asked
        draft = IntakeDraft.objects.create(patient=patient, answers=answers)
        draft.completed_steps = list(SLUGS)
    kept = {slug for slug in draft.completed_steps if slug not in steps}
    draft.completed_steps = _completed(draft.answers, kept)
    draft.resume_step = _resume_step(draft.completed_steps)
    draft.reopened_from = submission
    draft.save()
    return draft


def patient_texts_set(*, patient: Patient, texts_ok: bool) -> Patient:
    """Reminders by text to the patient's phone, on or off."""
    patient.texts_ok = texts_ok
    patient.save(update_fields=["texts_ok"])
    return patient
