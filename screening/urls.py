from django.urls import include, path

urlpatterns = [
    path("", include("screening.review.urls")),
    path("", include("screening.audit.urls")),
    path("", include("screening.rulesets.urls")),
]
