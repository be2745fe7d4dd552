"""
The browser tests' harness: Playwright for Python drives Debian's Chromium (``/usr/bin/chromium``, installed by
``make install``; no test ever downloads a browser) against pytest-django's live server, at a phone's width
(390 px) and a laptop's (1280 px).

Each test module starts Chromium once. Playwright's synchronous API keeps an event loop running in the test's
thread while it is started, and Django refuses database work from a thread with a running loop, so the module's
browser fixture sets ``DJANGO_ALLOW_ASYNC_UNSAFE`` for exactly as long as Playwright runs (the server thread, which
does the site's own database work, has no loop), and keeps the thread's database connections in use.

Every page a test opens fails the test on a script error or a Content-Security-Policy refusal in the browser.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from tests.browser.support import watch_errors

CHROMIUM = Path(os.environ.get("BROWSER_TESTS_CHROMIUM", "/usr/bin/chromium"))
WIDTHS = (390, 1280)
HEIGHT = 900


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs Debian's chromium for the browser tests.")
    # Imported here so that the rest of the suite runs without Playwright's event loop anywhere near it.
    from playwright.sync_api import sync_playwright

    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    threads_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    # With an event loop running, Django keeps its database connections per context instead of per thread
    # (asgiref's Local), so it would open new ones here, without the test database's saved state that
    # serialized_rollback restores from: hand it this thread's own.
    for alias, connection in threads_connections.items():
        connections[alias] = connection
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def open_page(browser, live_server):
    """``open_page(width, color_scheme="light", user=None)``: a new browser window (its own cookies) on the live
    server, signed in as ``user`` when one is given. Each window is checked for script errors when the test ends."""
    contexts, errors = [], []

    def open_(width, color_scheme="light", user=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": HEIGHT},
            color_scheme=color_scheme,
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        # Uploaded screenshots: the live server's URLs were read once with the MEDIA_ROOT of that moment, while each
        # test keeps its media in its own folder (tests/conftest.py), so the window reads them from that folder,
        # as a deployment's web server or bucket would serve them.
        context.route("**/media/**", _serve_media)
        if user is not None:
            sign_in_cookie(context, live_server.url, user)
        contexts.append(context)
        page = context.new_page()
        watch_errors(page, errors)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, f"errors in the browser: {errors}"


def _serve_media(route):
    relative = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
    path = Path(settings.MEDIA_ROOT) / relative
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404, body="")


def sign_in_cookie(context, url, user):
    """Give the window a signed-in session without the sign-in form (the tests of signing in use the form)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def width(request):
    return request.param


@pytest.fixture
def page(open_page, width):
    """An anonymous reader's window at each of the two widths."""
    return open_page(width)
