from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import RedirectView

from config import health, views
from patients.language import language_set


def admin_login(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """The admin signs in through the accounts pages, so the second factor always applies."""
    destination = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        destination, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        destination = "/admin/"  # never off to another site, nor to a javascript: URL
    if not request.user.is_authenticated:
        return redirect_to_login(destination)
    if not request.user.is_staff:
        raise PermissionDenied("The admin site is for administrators")
    return redirect(destination)


admin.site.login = admin_login  # type: ignore[method-assign]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("language/", language_set, name="language_set"),
    path("session/keepalive/", views.session_keepalive, name="session_keepalive"),
    path("accounts/", include("allauth.urls")),
    # The app's own page: throttled, and it asks for the current password.
    path(
        "admin/password_change/",
        RedirectView.as_view(pattern_name="account_change_password"),
        name="admin_password_change",
    ),
    path("admin/", admin.site.urls),
    path("", include("patients.urls")),
    path("", include("screening.urls")),
    path("", include("treatment.urls")),
    path("", include("screening.fhir.urls")),
    path("", include("screening.referral.urls")),
    path("", include("screening.dashboard.urls")),
    path("", include("screening.apitokens.urls")),
]
