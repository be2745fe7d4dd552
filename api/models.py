"""Personal API tokens: a fan creates one on /api/tokens/, sees its key once, and can revoke it."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "tdb_"
# What the token page shows of a key so a fan can tell them apart: "tdb_" and the first 8 random characters.
VISIBLE_LENGTH = len(KEY_PREFIX) + 8
# A key that leaks stops working by itself this long after it was made; a fan makes a new one.
LIFETIME = timedelta(days=90)


def hash_key(key: str) -> str:
    """Keys are random 240-bit strings, so a plain SHA-256 is enough: there is nothing to brute-force."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(30)


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        """Neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def revoke_all(self, *, when=None) -> int:
        return self.filter(revoked_at__isnull=True).update(revoked_at=when or timezone.now())

    def of(self, fan):
        return self.filter(fan=fan)


class ApiToken(models.Model):
    """A fan's personal API token. Only the SHA-256 of the key is stored; the key itself is shown once."""

    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the fan uses it for, e.g. 'my vote bot'."))
    prefix = models.CharField(
        _("prefix"), max_length=VISIBLE_LENGTH, help_text=_("The first characters of the key, to recognise it.")
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, help_text=_("SHA-256 of the key, in hex."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    expires_at = models.DateTimeField(
        _("expires at"),
        null=True,
        help_text=_("When the token stops working by itself (a token without a date no longer works)."),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")

    def __str__(self):
        return gettext("%(name)s (%(prefix)s…) of %(fan)s") % {
            "name": self.name,
            "prefix": self.prefix,
            "fan": self.fan,
        }

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_at is None or self.expires_at <= timezone.now()

    def revoke(self, *, when=None) -> None:
        if self.revoked_at is None:
            self.revoked_at = when or timezone.now()
            self.save(update_fields=["revoked_at"])
