from django.urls import path

from screening.apitokens import views

urlpatterns = [
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("api-tokens/revoke/", views.api_token_revoke_view, name="api_token_revoke"),
]
