"""Who is asking: the client's address as the trusted proxies in front report it (TRUSTED_PROXY_COUNT)."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The client's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def address_in(address: str, allowed: list[str]) -> bool:
    """Whether ``address`` is one of ``allowed`` (addresses or networks such as 10.0.0.0/8)."""
    try:
        client = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in allowed:
        try:
            if client in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue  # a typo in the setting allows nobody rather than failing every request
    return False
