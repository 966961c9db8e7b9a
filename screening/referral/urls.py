from django.urls import path

from screening.referral import views

urlpatterns = [
    path("review/cases/<uuid:public_id>/referral/", views.case_referral, name="case_referral"),
    path(
        "review/cases/<uuid:public_id>/referral.pdf",
        views.case_referral_pdf,
        name="case_referral_pdf",
    ),
]
