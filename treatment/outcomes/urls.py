from django.urls import path

from treatment.outcomes import views

urlpatterns = [
    path("treatment/outcomes/", views.outcomes, name="treatment_outcomes"),
    path("treatment/outcomes/export.csv", views.outcomes_csv, name="treatment_outcomes_csv"),
    path(
        "treatment/outcomes/courses.csv",
        views.outcomes_courses_csv,
        name="treatment_outcomes_courses_csv",
    ),
]
