"""
Signing in, one way for fans and moderators alike: through the site's sign-in page (django-allauth) and its
limits on wrong passwords (``ACCOUNT_RATE_LIMITS["login_failed"]``).

The limits count per address and per address and username together, never per username alone: a stranger
who types wrong passwords for someone's name locks out only their own address, not the owner.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .ratelimit import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """The same client address as the site's other limits (behind TRUSTED_PROXY_COUNT proxies)."""
        return client_address(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth counts wrong passwords per this key (the ".../key" part of the limit): the address comes
        # first, so a stranger's failures for a username do not count against its owner at another address.
        return f"{self.get_client_ip(request)}:{super()._get_login_attempts_cache_key(request, **credentials)}"


def admin_login(request, extra_context=None):
    """
    The admin's sign-in page sends moderators to the site's, which has its limits on wrong passwords (Django's
    own admin form has none). A signed-in fan who is not a moderator is refused rather than asked again.
    """
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    # Only a path of this site: not another host, and not a bare word ("0") a browser would resolve against this page.
    on_this_site = url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()})
    if not (next_url.startswith("/") and on_this_site):
        next_url = ""
    next_url = next_url or reverse("admin:index")
    if request.user.is_authenticated:
        if request.user.is_active and request.user.is_staff:
            # Not ``redirect()``: it would take a bare word ("0", "index") for a view's name and fail to reverse it.
            return HttpResponseRedirect(next_url)
        raise PermissionDenied(_("Your account is not a moderator's: the moderation screens are for moderators only."))
    return redirect_to_login(next_url, login_url=reverse("account_login"))
