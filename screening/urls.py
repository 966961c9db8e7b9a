from django.urls import path

from screening import ruleset_views, views

urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/cases/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("review/cases/<uuid:public_id>/decide/", views.case_decide, name="case_decide"),
    path("review/cases/<uuid:public_id>/claim/", views.case_claim_view, name="case_claim"),
    path("review/drafts/<uuid:public_id>/", views.draft_detail, name="draft_detail"),
    path(
        "review/drafts/<uuid:public_id>/contacted/", views.draft_contacted, name="draft_contacted"
    ),
    path("review/audit/", views.audit_log, name="audit_log"),
    path(
        "review/cases/<uuid:public_id>/golden/",
        ruleset_views.golden_from_case,
        name="golden_from_case",
    ),
    path("rulesets/", ruleset_views.rulesets, name="rulesets"),
    path("rulesets/new/", ruleset_views.ruleset_new, name="ruleset_new"),
    path("rulesets/golden/", ruleset_views.golden_cases, name="golden_cases"),
    path("rulesets/<int:version>/", ruleset_views.ruleset_detail, name="ruleset_detail"),
    path("rulesets/<int:version>/edit/", ruleset_views.ruleset_edit, name="ruleset_edit"),
    path(
        "rulesets/<int:version>/sign-off/",
        ruleset_views.ruleset_sign_off_view,
        name="ruleset_sign_off",
    ),
    path("rulesets/<int:version>/preview/", ruleset_views.ruleset_preview, name="ruleset_preview"),
    path(
        "rulesets/<int:version>/preview/status/",
        ruleset_views.ruleset_preview_status,
        name="ruleset_preview_status",
    ),
    path(
        "rulesets/<int:version>/publish/",
        ruleset_views.ruleset_publish_view,
        name="ruleset_publish",
    ),
]
