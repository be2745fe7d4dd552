"""
factory-boy factories and small helpers for the fans' side: votes, trope votes, favourites, comments, reports.

The factories write rows directly (for constraints and page layouts); the helpers go through
``community.services`` so the scene's tallies (counts, scores, comment count) are what fans would see.
"""

import factory
from django.urls import reverse

from community import services
from community.models import Comment, CommentReport, FanProfile, Favourite, TropeVote, Verdict, Vote
from scenes.models import Trope
from tests.factories import DramaFactory, SceneFactory, UserFactory


class FanFactory(UserFactory):
    """A fan who never types a password (tests sign in with force_login): no slow password hashing."""

    username = factory.Sequence(lambda n: f"crowd{n}")
    password = factory.django.Password(None)


class BannedFanProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FanProfile

    user = factory.SubFactory(FanFactory)
    is_banned = True
    ban_reason = "Spamming the comments with links to a shop."


class VoteFactory(factory.django.DjangoModelFactory):
    """A raw Vote row; use ``give_verdicts`` when the scene's tallies matter."""

    class Meta:
        model = Vote

    scene = factory.SubFactory(SceneFactory)
    fan = factory.SubFactory(FanFactory)
    verdict = Verdict.AWESOME


class TropeVoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TropeVote

    scene = factory.SubFactory(SceneFactory)
    trope = factory.LazyFunction(lambda: Trope.objects.get(slug="comfort"))
    fan = factory.SubFactory(FanFactory)
    agrees = True


class FavouriteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Favourite

    scene = factory.SubFactory(SceneFactory)
    fan = factory.SubFactory(FanFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment row on a scene; use ``comment_on`` when the scene's comment count matters."""

    class Meta:
        model = Comment

    author = factory.SubFactory(FanFactory)
    scene = factory.SubFactory(SceneFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}: the umbrella makes this scene.")


class DramaCommentFactory(CommentFactory):
    scene = None
    drama = factory.SubFactory(DramaFactory)


class CommentReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommentReport

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(FanFactory)
    reason = "Spoils the last episode without warning."


def give_verdicts(scene, *, awesome: int = 0, awkward: int = 0) -> None:
    """``awesome`` fans find the scene awesome and ``awkward`` fans find it awkward, as if each had voted."""
    for verdict, how_many in ((Verdict.AWESOME, awesome), (Verdict.AWKWARD, awkward)):
        for _ in range(how_many):
            services.cast_vote(scene=scene, fan=FanFactory(), verdict=verdict)
    scene.refresh_from_db()


def vote_on_trope(scene, slug: str, *, agree: int = 0, disagree: int = 0) -> None:
    """That many fans agree, and that many disagree, that the trope ``slug`` applies to the scene."""
    trope = Trope.objects.get(slug=slug)
    for agrees, how_many in ((True, agree), (False, disagree)):
        for _ in range(how_many):
            services.vote_on_trope(scene=scene, trope=trope, fan=FanFactory(), agrees=agrees)


def comment_on(target, *, author=None, body: str = "Love the umbrella.", parent=None) -> Comment:
    """A comment posted through the service, so the scene's comment count follows."""
    return services.post_comment(author=author or FanFactory(), target=target, body=body, parent=parent)


def vote_url(scene) -> str:
    return reverse("community:vote", args=[scene.pk])


def favourite_url(scene) -> str:
    return reverse("community:favourite", args=[scene.pk])


def trope_vote_url(scene) -> str:
    return reverse("community:trope-vote", args=[scene.pk])


def comments_url(target) -> str:
    if hasattr(target, "episode"):
        return reverse("community:scene-comment", args=[target.pk])
    return reverse("community:drama-comment", args=[target.slug])


def report_url(comment) -> str:
    return reverse("community:comment-report", args=[comment.pk])


def profile_url(user) -> str:
    return reverse("community:profile", args=[user.username])
