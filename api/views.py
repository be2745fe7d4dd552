"""
The JSON API: thin DRF views over the same querysets, FilterSet and services as the pages.

Reads are public and answer conditional GETs (ETag / If-None-Match). Writes need a signed-in fan
(session with CSRF, or a personal API token) and go through community.services and the same rate
limits as the pages.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics, status
from rest_framework.exceptions import NotAcceptable, NotAuthenticated, NotFound, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import SAFE_METHODS, AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from community import ratelimit, services
from community.models import Comment
from scenes.catalogue.facets import trope_counts
from scenes.catalogue.filters import SceneFilter
from scenes.models import Actor, Character, Drama, Scene, Trope

from . import serializers as s
from . import write_serializers as w
from .conditional import ETAG, IF_NONE_MATCH, NOT_MODIFIED, ConditionalGetMixin
from .filters import ActorFilter, CharacterFilter, FilterSetBackend
from .pagination import WholeListPagination
from .schema import READ_ERRORS, WRITE_ERRORS, errors
from .selectors import catalogue_stats, scene_stats


class JSONOnly(DefaultContentNegotiation):
    """Always answer JSON, whatever Accept says: no HTML page and no 406 from the API."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class LenientNegotiation(DefaultContentNegotiation):
    """The schema in YAML or JSON as asked; the first of them (YAML) rather than a 406 for any other Accept."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type


class SchemaView(SpectacularAPIView):
    content_negotiation_class = LenientNegotiation


class ReadView(ConditionalGetMixin, generics.GenericAPIView):
    content_negotiation_class = JSONOnly
    permission_classes = [AllowAny]


def read_schema(serializer, *codes: int):
    return extend_schema(
        parameters=[IF_NONE_MATCH, ETAG],
        responses={200: serializer, 304: NOT_MODIFIED, **errors(*codes, *READ_ERRORS)},
    )


def published_scene(pk: int, scenes=None) -> Scene:
    scene = (scenes if scenes is not None else Scene.objects.published()).filter(pk=pk).first()
    if scene is None:
        raise NotFound(_("There is no published back-hug scene number %(number)s.") % {"number": pk})
    return scene


@extend_schema_view(get=extend_schema(exclude=True))
class ApiRoot(ReadView):
    def get(self, request):
        names = {
            "scenes": "scene-list",
            "dramas": "drama-list",
            "actors": "actor-list",
            "characters": "character-list",
            "tropes": "trope-list",
            "stats": "stats",
            "schema": "schema",
            "docs": "docs",
            "tokens": "tokens",
        }
        return Response({key: reverse(f"api:{name}", request=request) for key, name in names.items()})


# Scenes: the catalogue's FilterSet, as on /scenes/.


@extend_schema_view(get=read_schema(s.SceneSerializer(many=True), 400, 404))
class SceneList(ReadView, generics.ListAPIView):
    """Published back hugs, filtered and sorted by the same query parameters as /scenes/."""

    serializer_class = s.SceneSerializer
    queryset = Scene.objects.published().for_cards().with_actors().with_sources()
    filter_backends = [FilterSetBackend]
    filterset_class = SceneFilter


@extend_schema_view(get=read_schema(s.SceneDetailSerializer, 404))
class SceneDetail(ReadView, generics.RetrieveAPIView):
    """One published back hug, as in the list, with where to watch it (from the second it starts, where possible)."""

    serializer_class = s.SceneDetailSerializer

    def get_object(self):
        scenes = Scene.objects.published().for_cards().with_actors().select_related("duel_rating")
        scenes = scenes.with_sources()
        return published_scene(self.kwargs["pk"], scenes)


# Dramas, actors, characters, tropes.


@extend_schema_view(get=read_schema(s.DramaSerializer(many=True), 400, 404))
class DramaList(ReadView, generics.ListAPIView):
    """Every drama in the catalogue, by title, with its number of published back hugs."""

    serializer_class = s.DramaSerializer
    queryset = Drama.objects.with_scene_counts().order_by("title", "pk")


@extend_schema_view(get=read_schema(s.DramaDetailSerializer, 404))
class DramaDetail(ReadView, generics.RetrieveAPIView):
    """One drama with its characters and back-hug numbers; its scenes are at `scenes_url`."""

    serializer_class = s.DramaDetailSerializer

    def get_object(self):
        drama = Drama.objects.with_scene_counts().filter(slug=self.kwargs["slug"]).first()
        if drama is None:
            raise NotFound(_("We have no drama at this address."))
        drama.character_list = drama.characters.public().select_related("actor").order_by("role", "name")
        drama.stats = scene_stats(Scene.objects.published().filter(drama=drama))
        return drama


@extend_schema_view(get=read_schema(s.ActorSerializer(many=True), 400, 404))
class ActorList(ReadView, generics.ListAPIView):
    """Every actor, by name, with their back hugs given and received; ``?q=``, ``?sort=`` and ``?in_back_hugs=true``
    give the list /actors/ shows."""

    serializer_class = s.ActorSerializer
    queryset = Actor.objects.public().with_back_hug_counts().order_by("name", "pk")
    filter_backends = [FilterSetBackend]
    filterset_class = ActorFilter


@extend_schema_view(get=read_schema(s.ActorDetailSerializer, 404))
class ActorDetail(ReadView, generics.RetrieveAPIView):
    """One actor with their roles and how many back hugs they give and receive; the scenes are at `scenes_url`."""

    serializer_class = s.ActorDetailSerializer

    def get_object(self):
        actor = Actor.objects.public().with_back_hug_counts().filter(slug=self.kwargs["slug"]).first()
        if actor is None:
            raise NotFound(_("We have no actor at this address."))
        actor.role_list = actor.roles.public().select_related("drama").order_by("-drama__year", "drama__title")
        return actor


@extend_schema_view(get=read_schema(s.CharacterSerializer(many=True), 400, 404))
class CharacterList(ReadView, generics.ListAPIView):
    """Characters, by drama; ``?drama=<slug>`` or ``?actor=<slug>`` narrows them down."""

    serializer_class = s.CharacterSerializer
    queryset = Character.objects.public().select_related("drama", "actor").order_by("drama__title", "name", "pk")
    filter_backends = [FilterSetBackend]
    filterset_class = CharacterFilter


class TropeCountsMixin:
    def get_serializer_context(self):
        return {**super().get_serializer_context(), "trope_counts": trope_counts(Scene.objects.published())}


@extend_schema_view(get=read_schema(s.TropeSerializer(many=True), 400, 404))
class TropeList(TropeCountsMixin, ReadView, generics.ListAPIView):
    """The trope taxonomy in the order of the trope guide, with how many published scenes carry each."""

    serializer_class = s.TropeSerializer
    queryset = Trope.objects.select_related("group").prefetch_related("aliases")
    pagination_class = WholeListPagination


@extend_schema_view(get=read_schema(s.TropeSerializer, 404))
class TropeDetail(TropeCountsMixin, ReadView, generics.RetrieveAPIView):
    """One trope of the taxonomy, by its slug."""

    serializer_class = s.TropeSerializer

    def get_object(self):
        trope = Trope.objects.select_related("group").prefetch_related("aliases").filter(slug=self.kwargs["slug"])
        if not trope:
            raise NotFound(_("No trope by that name. /api/tropes/ lists every one we know."))
        return trope[0]


@extend_schema_view(get=read_schema(s.StatsSerializer))
class Stats(ReadView):
    """
    The catalogue in numbers: totals, verdicts per drama, scenes per trope and per year, counted every five
    minutes at most.
    """

    serializer_class = s.StatsSerializer

    def get(self, request):
        return Response(s.StatsSerializer(catalogue_stats()).data)


# Comments and the fans' actions.


# The rules of community.access.fan_action for the API: signed in (401 otherwise), not banned (403 with
# the reason), within the action's rate limit (429): the same functions the pages call.
class FanActionMixin:
    content_negotiation_class = JSONOnly
    permission_classes = [IsAuthenticated]
    rate_limit_action = ""

    def permission_denied(self, request, message=None, code=None):
        if request.authenticators and not request.successful_authenticator:
            raise NotAuthenticated(_("Sign in, or send a personal API token as 'Authorization: Token <key>'."))
        super().permission_denied(request, message=message, code=code)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS:
            services.ensure_can_act(request.user)
            ratelimit.check(request, self.rate_limit_action)


def flat_thread(scene) -> list:
    """The scene's thread as on its page (Comment.objects.thread), flattened in reading order."""
    nodes, stack = [], list(reversed(Comment.objects.thread(scene)))
    while stack:
        node = stack.pop()
        node.comment.scene = scene  # Known already: links to the comment need no query of their own.
        nodes.append(node)
        stack.extend(reversed(node.replies))
    return nodes


@extend_schema_view(
    get=read_schema(s.CommentSerializer(many=True), 400, 404),
    post=extend_schema(request=w.CommentInputSerializer, responses={201: s.CommentSerializer, **errors(*WRITE_ERRORS)}),
)
class SceneComments(FanActionMixin, ConditionalGetMixin, generics.ListAPIView):
    """The scene's comments in reading order; removed ones with replies stay as placeholders."""

    serializer_class = s.CommentSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    rate_limit_action = "comment"

    def get_queryset(self):
        return flat_thread(published_scene(self.kwargs["pk"]))

    def post(self, request, pk):
        scene = published_scene(pk)
        data = w.CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        parent = None
        if data.validated_data.get("parent"):
            parent = Comment.objects.filter(pk=data.validated_data["parent"]).first()
            if parent is None:
                raise ValidationError({"parent": [_("The comment you replied to no longer exists.")]})
        comment = services.post_comment(
            author=request.user, target=scene, body=data.validated_data["body"], parent=parent
        )
        node = next(node for node in flat_thread(scene) if node.comment.pk == comment.pk)
        body = s.CommentSerializer(node, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["web_url"]})


@extend_schema_view(
    post=extend_schema(request=w.VoteInputSerializer, responses={200: w.VoteResultSerializer, **errors(*WRITE_ERRORS)})
)
class Vote(FanActionMixin, APIView):
    """Cast, change or take back (null) your verdict on a scene: awesome or awkward."""

    rate_limit_action = "vote"

    def post(self, request, pk):
        scene = published_scene(pk)
        data = w.VoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        verdict = data.validated_data["verdict"]
        verdict = None if verdict in (None, "none") else verdict
        counts = services.cast_vote(scene=scene, fan=request.user, verdict=verdict)
        result = {
            "verdict": verdict,
            "awesome": counts.awesome,
            "awkward": counts.awkward,
            "awesome_share": counts.awesome_share,
            "is_controversial": counts.is_controversial,
        }
        return Response(w.VoteResultSerializer(result).data)


TROPE_VOTES = {"agree": True, "disagree": False, "none": None}


@extend_schema_view(
    post=extend_schema(
        request=w.TropeVoteInputSerializer, responses={200: w.TropeVoteResultSerializer, **errors(*WRITE_ERRORS)}
    )
)
class TropeVote(FanActionMixin, APIView):
    """Agree or disagree that a trope applies to a scene (agreeing with a missing one proposes it), or take it back."""

    rate_limit_action = "trope_vote"

    def post(self, request, pk):
        scene = published_scene(pk)
        data = w.TropeVoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        trope = Trope.objects.filter(slug=data.validated_data["trope"]).first()
        if trope is None:
            raise ValidationError({"trope": [_("No trope by that name.")]})
        vote = data.validated_data["vote"]
        scene_trope = services.vote_on_trope(scene=scene, trope=trope, fan=request.user, agrees=TROPE_VOTES[vote])
        result = {
            "trope": trope.slug,
            "vote": None if vote == "none" else vote,
            "on_scene": scene_trope is not None,
            "is_public": bool(scene_trope and scene_trope.is_public),
            "agree_count": scene_trope.agree_count if scene_trope else 0,
            "disagree_count": scene_trope.disagree_count if scene_trope else 0,
        }
        return Response(w.TropeVoteResultSerializer(result).data)


@extend_schema_view(
    post=extend_schema(request=None, responses={200: w.FavouriteResultSerializer, **errors(*WRITE_ERRORS)}),
    delete=extend_schema(request=None, responses={200: w.FavouriteResultSerializer, **errors(*WRITE_ERRORS)}),
)
class Favourite(FanActionMixin, APIView):
    """POST keeps the scene among your favourites, DELETE takes it out; both are safe to repeat."""

    rate_limit_action = "favourite"

    def post(self, request, pk):
        return self._set(request, pk, favourite=True)

    def delete(self, request, pk):
        return self._set(request, pk, favourite=False)

    def _set(self, request, pk, *, favourite: bool):
        count = services.set_favourite(scene=published_scene(pk), fan=request.user, favourite=favourite)
        return Response(w.FavouriteResultSerializer({"is_favourite": favourite, "favourite_count": count}).data)
