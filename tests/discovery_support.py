"""Helpers for the discovery tests (stats, drama profiles, front page, spoilers, preferences, feeds, sitemap)."""

from community import scoring
from scenes.models import Scene
from tests.caching import cold_cache
from tests.factories import CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory


def set_tallies(scene: Scene, *, awesome: int = 0, awkward: int = 0, favourites: int = 0) -> Scene:
    """Give ``scene`` the tallies that many fans' votes would leave (as community.services computes them)."""
    total = awesome + awkward
    fields = {
        "awesome_count": awesome,
        "awkward_count": awkward,
        "awesome_score": scoring.wilson_lower_bound(awesome, total),
        "awkward_score": scoring.wilson_lower_bound(awkward, total),
        "controversy": scoring.controversy(awesome, awkward),
        "favourite_count": favourites,
    }
    Scene.objects.filter(pk=scene.pk).update(**fields)
    for name, value in fields.items():
        setattr(scene, name, value)
    return scene


class Cast:
    """A drama's four leads, so scenes can say who hugs whom in a word."""

    def __init__(self, drama):
        self.drama = drama
        self.him = CharacterFactory(drama=drama, gender="male", role="male_lead")
        self.her = CharacterFactory(drama=drama, gender="female", role="female_lead")
        self.second_him = CharacterFactory(drama=drama, gender="male", role="second_male_lead")
        self.second_her = CharacterFactory(drama=drama, gender="female", role="second_female_lead")

    def scene(self, hugger, hugged, *, episode=1, tropes=(), image=False, **fields):
        scene = SceneFactory(
            drama=self.drama, hugger=hugger, hugged=hugged, episode=episode, tropes=list(tropes), **fields
        )
        if image:
            SceneImageFactory(scene=scene)
        return scene


def cast_for(**drama_fields) -> Cast:
    return Cast(DramaFactory(**drama_fields))


def count_queries(client, django_assert_max_num_queries, url, limit, *, status=200):
    """The queries ``url`` costs with a cold cache (the first reader after a deploy), at most ``limit``."""
    cold_cache()
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return len(captured)
