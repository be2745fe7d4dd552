"""What other sites read: sitemap.xml, robots.txt, canonical URLs, Open Graph and Twitter card tags."""

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from scenes.models import Scene
from tests.discovery_support import cast_for, count_queries

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def catalogue():
    cast = cast_for(slug="the-heirs", title="The Heirs", episodes=20)
    cast.published = cast.scene(cast.him, cast.her, episode=3, tropes=["comfort"], image=True)
    cast.pending = cast.scene(cast.him, cast.her, episode=4, status=Scene.Status.PENDING, published_at=None)
    cast.idle_actor = cast_for().him.actor  # plays in a drama without back hugs
    return cast


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own response, not untrusted input)


def locations(client, url) -> list[str]:
    return [loc.text for loc in parse(client.get(url)).iter(f"{SITEMAP}loc")]


def test_the_sitemap_index_lists_a_sitemap_per_kind_of_page(client, catalogue):
    assert locations(client, "/sitemap.xml") == [
        f"http://testserver/sitemap-{section}.xml" for section in ("pages", "scenes", "dramas", "actors", "tropes")
    ]


def test_the_sitemaps_list_published_scenes_dramas_actors_with_back_hugs_tropes_and_pages(client, catalogue):
    scenes = locations(client, "/sitemap-scenes.xml")
    assert scenes == [f"http://testserver{catalogue.published.get_absolute_url()}"]
    assert "http://testserver/dramas/the-heirs/" in locations(client, "/sitemap-dramas.xml")
    actors = locations(client, "/sitemap-actors.xml")
    assert f"http://testserver{catalogue.him.actor.get_absolute_url()}" in actors
    assert f"http://testserver{catalogue.idle_actor.get_absolute_url()}" not in actors
    assert "http://testserver/tropes/comfort/" in locations(client, "/sitemap-tropes.xml")
    assert "http://testserver/stats/" in locations(client, "/sitemap-pages.xml")


def test_an_unknown_sitemap_section_is_a_404(client, catalogue):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_scene_sitemap_costs_two_queries_however_many_scenes(client, catalogue, django_assert_max_num_queries):
    with_one = count_queries(client, django_assert_max_num_queries, "/sitemap-scenes.xml", 3)
    for number in range(29):
        catalogue.scene(catalogue.him, catalogue.her, episode=1 + number % 20)
    assert count_queries(client, django_assert_max_num_queries, "/sitemap-scenes.xml", 3) == with_one


def test_robots_txt_keeps_crawlers_out_of_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /admin/" in lines and "Disallow: /me/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# ---- Canonical URLs ----


def canonical(html: str) -> str:
    return unescape(re.search(r'<link rel="canonical" href="([^"]*)">', html).group(1))


def test_pages_name_their_canonical_url_without_tracking_parameters(client, catalogue):
    html = client.get("/dramas/the-heirs/?utm_source=newsletter&fbclid=x").content.decode()
    assert canonical(html) == "http://testserver/dramas/the-heirs/"
    assert canonical(client.get("/tropes/comfort/?page=1").content.decode()) == "http://testserver/tropes/comfort/"


def test_the_catalogues_canonical_url_keeps_its_filters(client, catalogue):
    html = client.get("/scenes/?utm_campaign=x&trope=comfort&drama=the-heirs&sort=awesome&ref=y").content.decode()
    assert canonical(html) == "http://testserver/scenes/?drama=the-heirs&trope=comfort&sort=awesome"


# ---- Open Graph and Twitter cards ----


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_a_scene_page_shares_with_its_screenshot(client, catalogue):
    scene = catalogue.published
    html = client.get(scene.get_absolute_url()).content.decode()
    image = scene.images.get()
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == f"{scene.hugger.name} → {scene.hugged.name}: a back hug in The Heirs, episode 3"
    assert meta(html, "og:description").startswith("He steps up behind her")
    assert meta(html, "og:image") == f"http://testserver{image.image.url}"
    assert meta(html, "og:image:alt") == image.alt_text
    assert meta(html, "og:url") == f"http://testserver{scene.get_absolute_url()}"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_other_pages_share_with_sensible_defaults(client, catalogue):
    for url in ("/", "/stats/", "/tropes/", "/scenes/"):
        html = client.get(url).content.decode()
        assert meta(html, "og:site_name") == "tropedb", url
        assert meta(html, "og:title"), url
        assert meta(html, "og:image") == "http://testserver/static/img/og-default.png", url
        assert meta(html, "twitter:card") == "summary_large_image", url
    assert meta(client.get("/stats/").content.decode(), "og:title") == "Back hugs in numbers · tropedb"


def test_a_scene_without_screenshots_shares_the_default_picture(client, catalogue):
    bare = catalogue.scene(catalogue.him, catalogue.her, episode=6)
    assert meta(client.get(bare.get_absolute_url()).content.decode(), "og:image").endswith("/static/img/og-default.png")
