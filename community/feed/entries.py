"""
A fan's feed (/me/feed/ and its private Atom feed): what the dramas, actors and fans they follow did, newest
first. New back hugs in followed dramas or with followed actors, scenes that followed fans submitted once
published, and followed fans' comments and favourites.

One ``UNION ALL`` of three index-ordered reads (scenes, comments, favourites) gives a page's (kind, id, time)
rows; then one query per kind present on the page fetches what the rows show. No count: a feed pages by
"older", so a page costs the same however long the history. Nothing is stored per event.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, F, Q, Value
from django.utils.translation import gettext as _

from scenes.models import Scene
from scenes.naming import first_name, spoiler_title

from ..models import Comment, FanProfile, Favourite, Follow
from ..preferences.viewer import ViewerPreferences

PER_PAGE = 20
ATOM_ITEMS = 50


@dataclass
class FeedEntry:
    kind: str  # "scene", "comment" or "favourite"
    when: datetime
    scene: Scene | None = None
    comment: Comment | None = None
    fan: object = None  # who did it (comments, favourites, submitted scenes)
    spoiler: bool = False  # the scene is a spoiler to the feed's reader: named by its drama and episode only

    @property
    def text(self) -> str:
        if self.kind == "comment":
            where = self.comment.scene or self.comment.drama
            where = _title(where, spoiler=self.spoiler)
            return _("%(fan)s commented on %(where)s") % {"fan": self.fan.get_username(), "where": where}
        scene = _title(self.scene, spoiler=self.spoiler)
        if self.kind == "favourite":
            return _("%(fan)s added a favourite: %(scene)s") % {"fan": self.fan.get_username(), "scene": scene}
        return _("New back hug: %(scene)s") % {"scene": scene}

    @property
    def url(self) -> str:
        return self.comment.get_absolute_url() if self.kind == "comment" else self.scene.get_absolute_url()


def _title(target, *, spoiler: bool) -> str:
    if isinstance(target, Scene) and spoiler:
        return spoiler_title(drama=first_name(target.drama), episode=target.episode)
    if isinstance(target, Scene):
        # The Hangul names first for a Korean reader (scenes.naming), as on the scene pages.
        names = {
            "hugger": first_name(target.hugger),
            "hugged": first_name(target.hugged),
            "drama": first_name(target.drama),
        }
        if target.episode is None:
            return _("%(hugger)s → %(hugged)s in %(drama)s") % names
        return _("%(hugger)s → %(hugged)s in %(drama)s, episode %(episode)d") % {**names, "episode": target.episode}
    return first_name(target)


def _rows(fan):
    """(kind, id, when) of everything the feed shows, newest first, as one unevaluated union."""
    follows = Follow.objects.filter(fan=fan)
    dramas = follows.filter(drama__isnull=False).values("drama")
    actors = follows.filter(actor__isnull=False).values("actor")
    fans = follows.filter(followed_fan__isnull=False).values("followed_fan")
    scenes = Scene.objects.published().filter(
        Q(drama__in=dramas) | Q(hugger__actor__in=actors) | Q(hugged__actor__in=actors) | Q(submitted_by__in=fans)
    )
    comments = Comment.objects.visible().filter(author__in=fans)
    favourites = Favourite.objects.filter(fan__in=fans, scene__status=Scene.Status.PUBLISHED)

    def rows(queryset, kind: str, when: str):
        return (
            queryset.annotate(kind=Value(kind, output_field=CharField()), when=F(when))
            .values_list("kind", "pk", "when")
            .order_by()
        )

    return (
        rows(scenes, "scene", "published_at")
        .union(rows(comments, "comment", "created_at"), rows(favourites, "favourite", "created_at"), all=True)
        .order_by("-when", "-pk")
    )


def feed_page(fan, *, page: int = 1, per_page: int = PER_PAGE) -> tuple[list[FeedEntry], bool]:
    """The entries of ``page`` and whether there is an older page."""
    start = (page - 1) * per_page
    found = list(_rows(fan)[start : start + per_page + 1])
    return _entries(found[:per_page], ViewerPreferences(fan)), len(found) > per_page


def _entries(rows, viewer) -> list[FeedEntry]:
    """The rows' entries; a scene that is a spoiler to ``viewer`` (their spoiler rule, as their cards) is named by its
    drama and episode only."""
    ids = {kind: [pk for row_kind, pk, _ in rows if row_kind == kind] for kind in ("scene", "comment", "favourite")}
    scenes = (
        Scene.objects.select_related("drama", "hugger", "hugged", "submitted_by").in_bulk(ids["scene"])
        if ids["scene"]
        else {}
    )
    comments = (
        Comment.objects.select_related("author", "scene__drama", "scene__hugger", "scene__hugged", "drama").in_bulk(
            ids["comment"]
        )
        if ids["comment"]
        else {}
    )
    favourites = (
        Favourite.objects.select_related("fan", "scene__drama", "scene__hugger", "scene__hugged").in_bulk(
            ids["favourite"]
        )
        if ids["favourite"]
        else {}
    )
    entries = []
    for kind, pk, when in rows:
        if kind == "scene" and pk in scenes:
            entries.append(FeedEntry(kind, when, scene=scenes[pk], fan=scenes[pk].submitted_by))
        elif kind == "comment" and pk in comments:
            comment = comments[pk]
            entries.append(FeedEntry(kind, when, scene=comment.scene, comment=comment, fan=comment.author))
        elif kind == "favourite" and pk in favourites:
            favourite = favourites[pk]
            entries.append(FeedEntry(kind, when, scene=favourite.scene, fan=favourite.fan))
    for entry in entries:
        entry.spoiler = entry.scene is not None and viewer.spoiler(entry.scene) is not None
    return entries


def atom_entries(fan) -> list[FeedEntry]:
    return _entries(list(_rows(fan)[:ATOM_ITEMS]), ViewerPreferences(fan))


# The private feed's address ---------------------------------------------------------------------


def feed_token(*, fan, renew: bool = False) -> str:
    """The secret in the fan's private feed address, made on first use; ``renew`` revokes the old address."""
    profile, _ = FanProfile.objects.get_or_create(user=fan)
    if renew or not profile.feed_token:
        profile.feed_token = secrets.token_urlsafe(32)
        profile.save(update_fields=["feed_token"])
    return profile.feed_token


def revoke_feed_token(*, fan) -> None:
    """No private feed address any more, until the fan asks for a new one."""
    FanProfile.objects.filter(user=fan).update(feed_token=None)


def fan_by_feed_token(token: str):
    """The fan whose private feed ``token`` opens, or None for an unknown or revoked token."""
    if not token or len(token) > 64:
        return None
    profile = FanProfile.objects.filter(feed_token=token, user__is_active=True).select_related("user").first()
    return profile.user if profile else None
