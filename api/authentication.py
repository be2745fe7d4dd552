"""Personal API tokens in the Authorization header: ``Token <key>`` or ``Bearer <key>``."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .services import token_for_key

KEYWORDS = ("token", "bearer")
KEY_MAX_LENGTH = 100


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """
    Authenticates a request by a fan's personal API token. No CSRF check: a header a browser never sends
    by itself cannot be forged by another site. Requests without the header fall through to the session.
    """

    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the token as 'Authorization: Token <key>'."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("That is not a tropedb API token.")) from None
        if len(key) > KEY_MAX_LENGTH:
            raise exceptions.AuthenticationFailed(_("That is not a tropedb API token."))
        token = token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("Unknown, expired or revoked API token; create a new one on /api/tokens/.")
            )
        if not token.fan.is_active:
            raise exceptions.AuthenticationFailed(_("This account is inactive."))
        return token.fan, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, with its CSRF refusal in the reader's language (DRF words it in English only)."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied as error:
            reason = str(error.detail).removeprefix("CSRF Failed: ")  # Django's reason, for the developer
            raise exceptions.PermissionDenied(
                _(
                    "CSRF check failed (%(reason)s): a signed-in session's writes send the csrftoken cookie's value "
                    "in the X-CSRFToken header; or use a personal API token."
                )
                % {"reason": reason}
            ) from error
