"""Reads a staff API token from `Authorization: Bearer ...`, on the views open to tokens only."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from config.access import API_TOKEN, allowed_roles, token_refused
from screening.apitokens.services import api_token_authenticate


class ApiTokenMiddleware:
    """Sets `request.api_token` for a valid token; a token that is not valid is refused (401).

    Other views never look at the header: a token opens nothing a session would.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None:
            return None
        roles = allowed_roles(match.url_name, match.namespace, view.__module__)
        if roles is None or API_TOKEN not in roles:
            return None
        scheme, _, text = request.headers.get("Authorization", "").partition(" ")
        if not text:
            return None  # no token: the access matrix decides (401 for the anonymous)
        token = (
            api_token_authenticate(text.strip(), request) if scheme.lower() == "bearer" else None
        )
        if token is None:
            return token_refused("The API token is not valid, expired or revoked.")
        request.api_token = token  # type: ignore[attr-defined]
        request.user = token.user  # the staff account it reads as
        return None
