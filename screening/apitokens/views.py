"""Admins' page of API tokens: make one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from config.params import int_parameter
from screening.apitokens.forms import TokenForm
from screening.apitokens.models import ApiToken
from screening.apitokens.services import TokenRefused, api_token_create, api_token_revoke


def _page(
    request: HttpRequest, form: TokenForm, new_token: str = "", status: int = 200
) -> HttpResponse:
    tokens = ApiToken.objects.select_related("user", "created_by", "revoked_by")
    now = timezone.now()
    return render(
        request,
        "apitokens/list.html",
        {
            "form": form,
            "new_token": new_token,
            "rows": [{"token": token, "state": token.state(now)} for token in tokens],
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        _, text = api_token_create(
            actor=request.user,  # type: ignore[arg-type]
            user=form.cleaned_data["user"],
            name=form.cleaned_data["name"],
            valid_days=form.cleaned_data["valid_days"] or None,
            request=request,
        )
    except TokenRefused as refused:
        form.add_error(None, str(refused))
        return _page(request, form, status=400)
    # Rendered, not redirected: the token is in this response only, never in a session.
    return _page(request, TokenForm(), new_token=text)


@require_POST
def api_token_revoke_view(request: HttpRequest) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=int_parameter(request.POST.get("token")))
    api_token_revoke(actor=request.user, token=token, request=request)  # type: ignore[arg-type]
    messages.success(request, f"Token {token.prefix}… ({token.name}) is revoked.")
    return redirect("api_tokens")
