from django.urls import path

from patients import views

urlpatterns = [
    path("start/", views.start, name="start"),
    path("account/", views.account, name="account"),
    path("account/export/", views.account_export, name="account_export"),
    path("account/texts/", views.account_texts, name="account_texts"),
    path("intake/", views.intake_home, name="intake_home"),
    path("intake/step/<slug:slug>/", views.intake_step, name="intake_step"),
    path("intake/support/", views.intake_support, name="intake_support"),
    path("intake/review/", views.intake_review, name="intake_review"),
    path("intake/submit/", views.intake_submit, name="intake_submit"),
    path("submissions/<uuid:public_id>/", views.submission_result, name="submission_result"),
]
