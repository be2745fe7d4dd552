from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from scenes.models import Scene
from scenes.moderation import publishing as services
from tests.factories import SceneFactory

PENDING = Scene.Status.PENDING
PUBLISHED = Scene.Status.PUBLISHED
REJECTED = Scene.Status.REJECTED


def pending_scene(**kwargs):
    return SceneFactory(status=PENDING, published_at=None, **kwargs)


def test_publishing_pending_scenes_publishes_and_dates_them(moderator):
    scenes = [pending_scene(), pending_scene()]
    before = timezone.now()

    count = services.publish_scenes(scenes=Scene.objects.filter(pk__in=[s.pk for s in scenes]), moderator=moderator)

    assert count == 2
    for scene in scenes:
        scene.refresh_from_db()
        assert scene.status == PUBLISHED
        assert before <= scene.published_at <= timezone.now()


def test_publishing_accepts_a_list_of_scenes(moderator):
    scene = pending_scene()

    assert services.publish_scenes(scenes=[scene], moderator=moderator) == 1

    scene.refresh_from_db()
    assert scene.status == PUBLISHED


def test_republishing_keeps_the_first_publication_date(moderator):
    first_published = timezone.now() - timedelta(days=30)
    scene = SceneFactory(status=PENDING, published_at=first_published)

    services.publish_scenes(scenes=[scene], moderator=moderator)

    scene.refresh_from_db()
    assert scene.status == PUBLISHED
    assert scene.published_at == first_published


def test_publishing_counts_only_scenes_that_were_not_published(moderator):
    already = SceneFactory(published_at=timezone.now() - timedelta(days=2))
    rejected = SceneFactory(status=REJECTED, published_at=None)
    date_before = already.published_at

    count = services.publish_scenes(scenes=[already, rejected, pending_scene()], moderator=moderator)

    assert count == 2
    already.refresh_from_db()
    assert already.published_at == date_before


def test_unpublishing_returns_scenes_to_pending_and_keeps_their_date(moderator):
    scene = SceneFactory(is_featured=True)
    published_at = scene.published_at

    count = services.unpublish_scenes(scenes=[scene, pending_scene()], moderator=moderator)

    assert count == 1
    scene.refresh_from_db()
    assert scene.status == PENDING
    assert scene.published_at == published_at
    assert not scene.is_featured


def test_unpublish_then_publish_restores_the_original_date(moderator):
    scene = SceneFactory(published_at=timezone.now() - timedelta(days=7))
    original = scene.published_at

    services.unpublish_scenes(scenes=[scene], moderator=moderator)
    services.publish_scenes(scenes=[scene], moderator=moderator)

    scene.refresh_from_db()
    assert (scene.status, scene.published_at) == (PUBLISHED, original)


def test_rejecting_takes_a_scene_off_the_catalogue_and_the_front_page(moderator):
    published = SceneFactory(is_featured=True)
    pending = pending_scene()

    count = services.reject_scenes(scenes=[published, pending], moderator=moderator)

    assert count == 2
    assert set(Scene.objects.values_list("status", "is_featured")) == {(REJECTED, False)}


def test_only_published_scenes_can_be_featured(moderator):
    published = SceneFactory()
    pending = pending_scene()

    count = services.feature_scenes(scenes=[published, pending], moderator=moderator)

    assert count == 1
    published.refresh_from_db()
    pending.refresh_from_db()
    assert published.is_featured
    assert not pending.is_featured


def test_unfeaturing_counts_scenes_that_were_featured(moderator):
    featured = SceneFactory(is_featured=True)

    assert services.unfeature_scenes(scenes=[featured, SceneFactory()], moderator=moderator) == 1

    featured.refresh_from_db()
    assert not featured.is_featured


def test_a_status_change_is_recorded_in_the_scene_history(moderator):
    scene = pending_scene()

    services.publish_scenes(scenes=[scene], moderator=moderator)

    entry = LogEntry.objects.get(object_id=str(scene.pk))
    assert entry.user == moderator
    assert entry.get_change_message() == "Published."


def test_nothing_to_change_records_nothing(moderator):
    scene = SceneFactory()

    assert services.publish_scenes(scenes=[scene], moderator=moderator) == 0
    assert not LogEntry.objects.exists()


def test_a_fan_cannot_publish(fan):
    scene = pending_scene()

    with pytest.raises(PermissionDenied):
        services.publish_scenes(scenes=[scene], moderator=fan)

    scene.refresh_from_db()
    assert scene.status == PENDING
