from django.urls import path

from screening.fhir import views

urlpatterns = [
    path("review/cases/<uuid:public_id>/fhir/", views.case_fhir, name="case_fhir"),
    path("submissions/<uuid:public_id>/fhir/", views.submission_fhir, name="submission_fhir"),
    path("fhir/Bundle/<uuid:public_id>", views.bundle_api, name="fhir_bundle_api"),
]
