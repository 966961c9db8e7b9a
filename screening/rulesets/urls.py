from django.urls import path

from screening.rulesets import views

urlpatterns = [
    path("rulesets/", views.rulesets, name="rulesets"),
    path("rulesets/new/", views.ruleset_new, name="ruleset_new"),
    path("rulesets/golden/", views.golden_cases, name="golden_cases"),
    path("rulesets/<int:version>/", views.ruleset_detail, name="ruleset_detail"),
    path("rulesets/<int:version>/edit/", views.ruleset_edit, name="ruleset_edit"),
    path("rulesets/<int:version>/sign-off/", views.ruleset_sign_off_view, name="ruleset_sign_off"),
    path("rulesets/<int:version>/preview/", views.ruleset_preview, name="ruleset_preview"),
    path(
        "rulesets/<int:version>/preview/status/",
        views.ruleset_preview_status,
        name="ruleset_preview_status",
    ),
    path("rulesets/<int:version>/publish/", views.ruleset_publish_view, name="ruleset_publish"),
]
