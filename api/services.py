"""Writes of the API app: creating, using and revoking personal API tokens."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.services import ActionRefused

from .models import LIFETIME, VISIBLE_LENGTH, ApiToken, hash_key, new_key

TOKEN_NAME_MAX_LENGTH = 100
MAX_ACTIVE_TOKENS = 10
# Recording every use would write on every API request; once a minute is enough to tell a fan "used today".
LAST_USED_PRECISION = timedelta(minutes=1)


def create_token(*, fan, name: str) -> tuple[ApiToken, str]:
    """A new token for ``fan``; returns it with its key, which is stored hashed and never shown again."""
    name = (name or "").strip()
    if not name:
        raise ActionRefused({"name": _("Give the token a name, so you know later what it is for.")})
    if len(name) > TOKEN_NAME_MAX_LENGTH:
        raise ActionRefused({"name": _("Keep the name under %(limit)d characters.") % {"limit": TOKEN_NAME_MAX_LENGTH}})
    if "\x00" in name:
        raise ActionRefused({"name": _("The name contains a character we cannot store.")})
    with transaction.atomic():
        # The fan's row locked: two requests at once cannot both pass the cap (SQLite locks on the write anyway).
        get_user_model().objects.select_for_update().filter(pk=fan.pk).first()
        if ApiToken.objects.of(fan).active().count() >= MAX_ACTIVE_TOKENS:
            raise ActionRefused(
                _("You can have at most %(limit)d tokens; revoke one you no longer use.") % {"limit": MAX_ACTIVE_TOKENS}
            )
        key = new_key()
        token = ApiToken.objects.create(
            fan=fan,
            name=name,
            prefix=key[:VISIBLE_LENGTH],
            key_hash=hash_key(key),
            expires_at=timezone.now() + LIFETIME,
        )
    return token, key


def revoke_token(*, token: ApiToken, fan) -> None:
    if token.fan_id != fan.pk:
        raise ActionRefused(_("That token is not yours."))
    token.revoke()


def revoke_tokens_of(*, fan) -> int:
    """Every token of ``fan`` stops working: their password changed, so whoever held a key may have lost it."""
    return ApiToken.objects.of(fan).revoke_all()


def token_for_key(key: str) -> ApiToken | None:
    """The active (not revoked, not expired) token with this key, its fan loaded; records when it was last used."""
    token = ApiToken.objects.active().select_related("fan").filter(key_hash=hash_key(key)).first()
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
    return token
