from django.http import HttpRequest

from patients.roles import Role, role_of


def role(request: HttpRequest) -> dict[str, Role | None]:
    """The signed-in user's role, shown in the header."""
    return {"role": role_of(request.user)}
