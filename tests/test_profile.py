"""A fan's public profile at /accounts/<username>/: their comments, submissions and favourite back hugs."""

import pytest

from tests.caching import cold_cache
from tests.community_factories import (
    CommentFactory,
    DramaCommentFactory,
    FanFactory,
    FavouriteFactory,
    comment_on,
    profile_url,
)
from tests.factories import DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_the_profile_shows_the_fans_name(client, fan):
    response = client.get("/accounts/hugfan/")
    assert response.status_code == 200
    assert "<h1>hugfan</h1>" in text(response)


def test_an_unknown_fan_is_a_404(client):
    response = client.get("/accounts/nobody-by-that-name/")
    assert response.status_code == 404
    assert "No fan by that name." in text(response)


def test_a_deactivated_fan_has_no_profile(client):
    gone = FanFactory(is_active=False)
    assert client.get(profile_url(gone)).status_code == 404


def test_the_profile_lists_the_fans_comments_with_links_to_them(client, fan, scene):
    comment = comment_on(scene, author=fan, body="The umbrella tilt!")
    page = text(client.get(profile_url(fan)))
    assert "The umbrella tilt!" in page
    assert f'href="{scene.get_absolute_url()}#comment-{comment.pk}"' in page


def test_the_profile_lists_comments_on_dramas_too(client, fan):
    DramaCommentFactory(author=fan, drama=DramaFactory(title="The Heirs"), body="So many back hugs.")
    page = text(client.get(profile_url(fan)))
    assert "So many back hugs." in page
    assert "The Heirs" in page


def test_the_profile_leaves_out_deleted_and_hidden_comments(client, fan, scene):
    CommentFactory(author=fan, scene=scene, body="Deleted one.", is_deleted=True)
    CommentFactory(author=fan, scene=scene, body="Hidden one.", is_hidden=True)
    page = text(client.get(profile_url(fan)))
    assert "Deleted one." not in page
    assert "Hidden one." not in page


def test_the_profile_leaves_out_other_fans_comments(client, fan, scene):
    comment_on(scene, body="Someone else's words.")
    assert "Someone else&#x27;s words." not in text(client.get(profile_url(fan)))


def test_the_profile_lists_the_fans_published_submissions(client, fan):
    submitted = SceneFactory(submitted_by=fan, hugger__name="Kim Tan")
    SceneFactory(hugger__name="Choi Young-do")
    response = client.get(profile_url(fan))
    assert list(response.context["submissions"]) == [submitted]
    assert "Kim Tan" in text(response)


def test_other_readers_do_not_see_the_fans_pending_submissions(client, fan):
    SceneFactory(submitted_by=fan, status="pending", published_at=None, hugger__name="Still Pending")
    assert "Still Pending" not in text(client.get(profile_url(fan)))


def test_the_fan_sees_their_own_pending_submissions(client, fan):
    SceneFactory(submitted_by=fan, status="pending", published_at=None, hugger__name="Still Pending")
    client.force_login(fan)
    assert "Still Pending" in text(client.get(profile_url(fan)))


def test_the_profile_lists_the_fans_favourite_back_hugs(client, fan):
    loved = SceneFactory(hugger__name="Kim Tan")
    FavouriteFactory(fan=fan, scene=loved)
    FavouriteFactory(scene=SceneFactory(hugger__name="Choi Young-do"))
    response = client.get(profile_url(fan))
    assert list(response.context["favourites"]) == [loved]
    assert "Kim Tan" in text(response)
    assert "Choi Young-do" not in text(response)


def test_the_profile_never_shows_the_fans_email_to_other_readers(client, fan, scene):
    comment_on(scene, author=fan)
    FavouriteFactory(fan=fan, scene=scene)
    SceneFactory(submitted_by=fan)
    assert "hugfan@example.com" not in text(client.get(profile_url(fan)))
    client.force_login(FanFactory())
    assert "hugfan@example.com" not in text(client.get(profile_url(fan)))


def test_the_fan_finds_links_to_change_their_password_on_their_own_profile(client, fan):
    client.force_login(fan)
    assert "/accounts/password/change/" in text(client.get(profile_url(fan)))


def test_other_readers_get_no_account_settings_links(client, fan):
    client.force_login(FanFactory())
    assert "/accounts/password/change/" not in text(client.get(profile_url(fan)))


def test_comments_show_the_authors_name_linking_to_their_profile(client, fan, scene):
    comment_on(scene, author=fan)
    assert 'href="/accounts/hugfan/"' in text(client.get(scene.get_absolute_url()))


def profile_queries(client, django_assert_max_num_queries, url, limit=14):
    cold_cache()  # Measure with a cold cache, as the first reader after a deploy gets it.
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def fill_profile(fan, scene, count):
    for number in range(count):
        parent = comment_on(scene, author=fan, body=f"Comment {number}")
        comment_on(scene, author=fan, body=f"Reply {number}", parent=parent)
        comment_on(DramaFactory(), author=fan, body=f"On a drama {number}")
        FavouriteFactory(fan=fan, scene=SceneFactory(tropes=["comfort", "lingering"]))
        SceneFactory(submitted_by=fan, tropes=["comfort"])


def test_the_profile_runs_a_fixed_number_of_queries_however_much_the_fan_did(
    client, fan, django_assert_max_num_queries
):
    scene = SceneFactory()
    fill_profile(fan, scene, 1)
    with_one = profile_queries(client, django_assert_max_num_queries, profile_url(fan))
    fill_profile(fan, scene, 29)
    with_thirty = profile_queries(client, django_assert_max_num_queries, profile_url(fan))
    assert with_thirty == with_one


def test_the_own_profile_runs_a_fixed_number_of_queries_too(client, fan, django_assert_max_num_queries):
    scene = SceneFactory()
    client.force_login(fan)
    fill_profile(fan, scene, 1)
    # +1 on a cold cache: the header's count of unread notifications (kept in the cache after that).
    with_one = profile_queries(client, django_assert_max_num_queries, profile_url(fan), limit=15)
    fill_profile(fan, scene, 29)
    with_thirty = profile_queries(client, django_assert_max_num_queries, profile_url(fan), limit=15)
    assert with_thirty == with_one


@pytest.mark.parametrize("username", ["kim.tan+heirs@fan", "한글팬", "second_lead-4ever"])
def test_any_username_signup_allows_has_a_reachable_profile(client, scene, username):
    fan = FanFactory(username=username)
    comment_on(scene, author=fan)
    assert client.get(profile_url(fan)).status_code == 200
    assert f'href="{profile_url(fan)}"' in text(client.get(scene.get_absolute_url()))
