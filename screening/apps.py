from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = "Screening"

    def ready(self) -> None:
        from patients.signals import draft_flagged_urgent, submission_screened
        from screening.review.receivers import notify_urgent_draft, open_case

        submission_screened.connect(open_case, dispatch_uid="review-open-case")
        draft_flagged_urgent.connect(notify_urgent_draft, dispatch_uid="review-urgent-draft")
