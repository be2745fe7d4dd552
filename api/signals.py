"""
A new password revokes the fan's API tokens, however it was set: changed or reset on the site, set by a moderator
in the admin, or by ``manage.py changepassword``. (Django re-hashing a password after an upgrade of its hasher
counts as a change too: the fan then makes a new token, the safe side of the trade.)
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.dispatch import receiver

from .services import revoke_tokens_of


@receiver(pre_save, sender=get_user_model(), dispatch_uid="api-tokens-revoked-on-new-password")
def revoke_tokens_on_new_password(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is not None and stored != instance.password:
        revoke_tokens_of(fan=instance)
