"""Helpers the admin tests share: admin URLs, the messages a page shows, a complete scene and its form."""

from django.urls import reverse

from community.models import FanProfile
from tests.community_factories import (
    CommentReportFactory,
    DramaCommentFactory,
    FavouriteFactory,
    TropeVoteFactory,
    VoteFactory,
)
from tests.factories import SceneFactory, SceneImageFactory


def url_for(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def a_scene_with_everything(**kwargs):
    """A scene with a screenshot and a curated trope, so every admin page has something to show."""
    image = SceneImageFactory(scene__tropes=["comfort"], **{f"scene__{key}": value for key, value in kwargs.items()})
    return image.scene


def scene_form(scene=None, **changes) -> dict:
    """What the scene change form posts, with ``changes`` applied; inline rows can be added via ``changes``."""
    values = {
        "drama": scene.drama_id,
        "episode": scene.episode,
        "start_seconds": scene.start_seconds,
        "end_seconds": scene.end_seconds,
        "hugger": scene.hugger_id,
        "hugged": scene.hugged_id,
        "setting": scene.setting,
        "description": scene.description,
        "line_korean": "",
        "line_english": "",
        "status": scene.status,
        "is_featured": scene.is_featured,
        "is_illustrative": scene.is_illustrative,
    }
    for prefix in ("sources", "images", "scene_tropes"):
        values |= {
            f"{prefix}-TOTAL_FORMS": 0,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    values |= changes
    # An unticked checkbox is simply not posted.
    return {key: ("on" if value is True else value) for key, value in values.items() if value is not False}


def select(action, scenes) -> dict:
    return {"action": action, "_selected_action": [scene.pk for scene in scenes]}


def act(client, url, action, objects, **extra):
    """Run an admin action on ``objects``, following the redirect back to the list to read its messages."""
    return client.post(url, {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}, follow=True)


def shown(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


def some_of_everything():
    """A reported comment on a scene and one on a drama, a vote, a trope vote, a favourite and a ban."""
    report = CommentReportFactory(comment__scene=SceneFactory())
    CommentReportFactory(comment=DramaCommentFactory())
    VoteFactory(scene=report.comment.scene)
    TropeVoteFactory(scene=report.comment.scene)
    FavouriteFactory(scene=report.comment.scene)
    FanProfile.objects.create(user=report.comment.author, is_banned=True, ban_reason="Spam")
