"""The shipped reverse-proxy configuration (deploy/nginx/) in front of the site, as an operator would run it."""

import gzip
import http.client

import pytest

from tests.factories import SceneFactory
from tests.nginx_support import NGINX, fetch, running_nginx

pytestmark = [
    # The live server reads from another thread: committed rows. serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not __import__("os").path.exists(NGINX), reason="nginx is not installed (.ci/run installs it)"),
]


@pytest.fixture
def proxy(live_server, tmp_path):
    static_root = tmp_path / "static"
    (static_root / "css").mkdir(parents=True)
    (static_root / "css" / "site.0123abcd.css").write_text("body { color: #222; }\n" * 50)
    media_root = tmp_path / "media"
    media_root.mkdir()
    upstream = live_server.url.removeprefix("http://")
    with running_nginx(tmp_path / "nginx", upstream=upstream, static_root=static_root, media_root=media_root) as url:
        yield url


def test_pages_reach_the_site_through_nginx(proxy):
    scene = SceneFactory()

    status, _, body = fetch(f"{proxy}{scene.get_absolute_url()}")

    assert status == 200
    assert scene.hugger.name.encode() in body


def test_static_files_come_from_nginx_kept_for_a_year(proxy):
    status, headers, body = fetch(f"{proxy}/static/css/site.0123abcd.css")

    assert status == 200
    assert body.startswith(b"body { color")
    assert "max-age=31536000" in headers["Cache-Control"]
    assert "immutable" in headers["Cache-Control"]


def test_text_is_compressed_for_browsers_that_accept_it(proxy):
    status, headers, _ = fetch(f"{proxy}/static/css/site.0123abcd.css", {"Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"


def test_an_anonymous_page_is_kept_by_nginx_for_the_next_reader(proxy):
    scene = SceneFactory()
    url = f"{proxy}{scene.get_absolute_url()}"

    first = fetch(url, {"Accept-Encoding": "gzip"})
    second = fetch(url, {"Accept-Encoding": "gzip"})

    assert (first[0], second[0]) == (200, 200)
    assert (first[1]["X-Proxy-Cache"], second[1]["X-Proxy-Cache"]) == ("MISS", "HIT")
    assert second[1]["Content-Encoding"] == "gzip"
    assert gzip.decompress(second[2]) == gzip.decompress(first[2])


def test_a_client_without_gzip_gets_the_kept_page_plain(proxy):
    scene = SceneFactory()
    url = f"{proxy}{scene.get_absolute_url()}"
    fetch(url, {"Accept-Encoding": "gzip"})

    status, headers, body = fetch(url)

    assert status == 200
    assert headers.get("Content-Encoding") is None
    assert scene.hugger.name.encode() in body


def test_a_signed_in_fans_request_never_goes_through_the_page_cache(proxy):
    status, headers, _ = fetch(f"{proxy}/", {"Cookie": "sessionid=abc"})

    assert status == 200
    assert headers["X-Proxy-Cache"] == "BYPASS"


def test_a_request_with_an_api_token_never_goes_through_the_page_cache(proxy):
    status, headers, _ = fetch(f"{proxy}/api/scenes/", {"Authorization": "Token not-a-real-one"})

    assert status in (200, 401, 403)
    assert headers["X-Proxy-Cache"] == "BYPASS"


def test_a_body_over_the_cap_is_refused_by_nginx_before_it_is_sent_on(proxy):
    host, port = proxy.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/scenes/submit/")
    connection.putheader("Content-Type", "application/octet-stream")
    connection.putheader("Content-Length", str(34 * 1024 * 1024))  # declared, never sent: nginx answers first
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    assert response.getheader("X-Proxy-Cache") is None  # answered by nginx itself, not the site
    connection.close()


def test_an_english_page_nginx_keeps_is_never_handed_to_a_korean_browser(proxy):
    scene = SceneFactory()
    url = f"{proxy}{scene.get_absolute_url()}"
    fetch(url, {"Accept-Language": "en-US,en;q=0.9"})
    kept = fetch(url, {"Accept-Language": "en-GB,en;q=0.8,ko;q=0.5"})

    korean = fetch(url, {"Accept-Language": "ko-KR,ko;q=0.9,en-US;q=0.8"})

    assert (kept[0], kept[1]["X-Proxy-Cache"]) == (200, "HIT")  # another way of writing English: the same copy
    assert korean[0] == 302
    assert korean[1]["Location"] == f"/ko{scene.get_absolute_url()}"


def test_a_reader_who_chose_english_gets_the_english_page_whatever_the_browser_says(proxy):
    scene = SceneFactory()
    url = f"{proxy}{scene.get_absolute_url()}"

    status, headers, _ = fetch(url, {"Accept-Language": "ko", "Cookie": "django_language=en"})

    assert status == 200
    assert headers["Content-Language"] == "en"


def test_the_api_is_kept_by_nginx_once_per_language(proxy):
    SceneFactory()
    fetch(f"{proxy}/api/scenes/", {"Accept-Language": "en"})

    korean = fetch(f"{proxy}/api/scenes/", {"Accept-Language": "ko-KR,ko;q=0.9"})
    odd_cookie = fetch(f"{proxy}/api/scenes/", {"Cookie": "django_language=ko-KR"})

    assert (korean[1]["X-Proxy-Cache"], korean[1]["Content-Language"]) == ("MISS", "ko")
    assert odd_cookie[1]["X-Proxy-Cache"] == "BYPASS"
