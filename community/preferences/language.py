"""
A fan's language: kept on their profile (``FanProfile.language``), it follows them from browser to browser.

- Choosing a language (the chooser on every page, the preferences page) sets it, and the language cookie of the
  browser they chose it in.
- Signing in sets the browser's language cookie from it, so the site speaks their language at once
  (edge.locale reads the cookie before anything else).
- Signing up records the language they signed up in.
- Their e-mails are written in it (notifications.mail).
"""

from django.conf import settings
from django.dispatch import receiver
from django.utils import translation

from community.models import FanProfile
from edge.locale import remember_choice


def is_site_language(code: str) -> bool:
    return code in dict(settings.LANGUAGES)


def set_fan_language(*, fan, code: str) -> None:
    """Record ``code`` (a language of the site, or "" for their browser's) as ``fan``'s language."""
    if code and not is_site_language(code):
        raise ValueError(f"{code!r} is not a language of the site.")
    updated = FanProfile.objects.filter(user=fan).exclude(language=code).update(language=code)
    if not updated and not FanProfile.objects.filter(user=fan).exists():
        FanProfile.objects.create(user=fan, language=code)


def choose_language(request, code: str) -> None:
    """The reader of ``request`` chose ``code``: their browser remembers it, and a signed-in fan's profile too."""
    remember_choice(request, code)
    if request.user.is_authenticated:
        set_fan_language(fan=request.user, code=code)


def _signed_in(sender, request, user, **kwargs):
    code = FanProfile.objects.filter(user=user).values_list("language", flat=True).first()
    if request is not None and code:
        remember_choice(request, code)


def _signed_up(sender, request, user, **kwargs):
    code = translation.get_language()
    if is_site_language(code):
        set_fan_language(fan=user, code=code)


def connect_signals() -> None:
    """Called from CommunityConfig.ready()."""
    from allauth.account.signals import user_signed_up
    from django.contrib.auth.signals import user_logged_in

    receiver(user_logged_in, dispatch_uid="fan-language-on-sign-in")(_signed_in)
    receiver(user_signed_up, dispatch_uid="fan-language-on-sign-up")(_signed_up)
