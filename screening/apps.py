from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "screening"
    verbose_name = "Screening"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from patients.signals import draft_flagged_urgent, submission_screened
        from screening.review.receivers import notify_urgent_draft, open_case
        from screening.rulesets import checks  # noqa: F401 (registers the system check)
        from screening.rulesets.models import RuleSet
        from screening.rulesets.published import published_cache_clear

        submission_screened.connect(open_case, dispatch_uid="review-open-case")
        for changed in (post_save, post_delete):
            changed.connect(
                published_cache_clear, sender=RuleSet, dispatch_uid=f"rulesets-cache-{changed}"
            )
        draft_flagged_urgent.connect(notify_urgent_draft, dispatch_uid="review-urgent-draft")
