"""The addresses of followup: names and paths as they have always been."""

from django.urls import path

from treatment.followup import views

urlpatterns = [
    path("treatment/tasks/<uuid:task_id>/", views.task_change, name="treatment_task"),
]
