"""A fan submits a back hug with a screenshot, a moderator publishes it, and readers see it: in a real browser, at
390 and 1280 px."""

import re

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from scenes.models import Scene
from tests.browser.catalogue import small_catalogue
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows from its own thread; serialized_rollback restores the taxonomy after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def screenshot(tmp_path):
    """A picture unlike the catalogue's (no near-duplicate warning): stripes and a figure on a gradient."""
    picture = Image.new("RGB", (640, 360))
    draw = ImageDraw.Draw(picture)
    for x in range(640):
        draw.line([(x, 0), (x, 359)], fill=(x * 255 // 640, 80, 255 - x * 255 // 640))
    for y in range(0, 360, 40):
        draw.rectangle([0, y, 639, y + 12], fill=(250, 240, 200))
    draw.ellipse([380, 60, 520, 300], fill=(40, 20, 60))
    path = tmp_path / "garden-bench.png"
    picture.save(path)
    return path


def test_a_fan_submits_a_scene_with_a_screenshot_and_a_moderator_publishes_it(open_page, width, screenshot):
    catalogue = small_catalogue()
    fan = UserFactory(username="hugfan")
    moderator = UserFactory(username="mod", is_staff=True, is_superuser=True)

    page = open_page(width, user=fan)
    page.goto("/scenes/submit/")
    form = page.locator("form.submit-form")
    form.get_by_role("combobox", name="Drama").fill("Secret Garden")
    # The drama's characters load as soon as its title is typed out, without another click.
    expect(form.locator("#characters")).to_contain_text("Characters of Secret Garden")
    form.get_by_label("Episode").fill("14")
    form.get_by_label("The hug starts at").fill("41:05")
    form.get_by_label("and ends at").fill("41:30")
    form.get_by_label("Who hugs (from behind)").select_option(label="Kim Joo-won (Hyun Bin)")
    form.get_by_label("Who is hugged").select_option(label="Gil Ra-im (Ha Ji-won)")
    form.get_by_label("Where it happens").fill("the garden bench")
    form.get_by_role("textbox", name="What happens").fill(
        "She falls asleep on the bench and he holds her from behind until dawn."
    )
    form.get_by_label("Comfort & solace").check()
    form.get_by_label(re.compile(r"^Screenshot 1\b")).set_input_files(screenshot)
    form.get_by_label("Describe screenshot 1").fill("Two figures on a bench at dawn, one holding the other.")
    form.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_role("status")).to_contain_text("Your back hug waits for a moderator")
    scene = Scene.objects.get(drama=catalogue.garden, episode=14)
    assert scene.status == Scene.Status.PENDING
    assert scene.images.count() == 1

    # Readers cannot see it yet.
    reader = open_page(width)
    assert reader.goto(scene.get_absolute_url()).status == 404

    desk = open_page(width, user=moderator)
    desk.goto("/admin/")
    desk.get_by_role("link", name=re.compile(r"1 submission", re.IGNORECASE)).first.click()
    desk.get_by_role("link", name="Secret Garden, ep. 14 at 41:05").click()
    # The review screen: the screenshot, the times as mm:ss, one click to publish.
    expect(desk).to_have_url(re.compile(rf"/admin/scenes/scene/{scene.pk}/review/$"))
    expect(desk.get_by_alt_text("Two figures on a bench at dawn, one holding the other.")).to_be_visible()
    expect(desk.get_by_role("main")).to_contain_text("41:05")
    desk.get_by_role("button", name="Publish", exact=True).click()
    expect(desk.locator(".messagelist")).to_contain_text(re.compile("published", re.IGNORECASE))

    scene.refresh_from_db()
    assert scene.status == Scene.Status.PUBLISHED
    assert reader.goto(scene.get_absolute_url()).status == 200
    expect(reader.get_by_role("heading", level=1)).to_contain_text("Kim Joo-won")
    expect(reader.get_by_role("main").get_by_alt_text("Two figures on a bench at dawn")).to_be_visible()
