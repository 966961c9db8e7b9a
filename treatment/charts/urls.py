"""The address of a patient's chart."""

from django.urls import path

from treatment.charts import views

urlpatterns = [
    path("patients/<uuid:patient_id>/", views.chart, name="patient_chart"),
]
