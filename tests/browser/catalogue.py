"""A small catalogue for the browser tests' paths: two dramas, three scenes, tropes some scenes carry and others
not (so requiring one and leaving another out both change the results), one scene marked as a spoiler."""

from dataclasses import dataclass

from django.utils import timezone

from scenes.models import Character, Scene
from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory


@dataclass
class Catalogue:
    garden: object  # the drama "Secret Garden"
    landing: object  # the drama "Crash Landing on You"
    first_hug: Scene  # Secret Garden, comfort and lingering
    spoiler: Scene  # Crash Landing on You, its last episode, marked as a spoiler: mutual
    quiet_hug: Scene  # Crash Landing on You, comfort and one-sided


def leads(drama, him, her):
    hugger = CharacterFactory(
        drama=drama, name=him[0], actor=ActorFactory(name=him[1], slug=him[1].lower().replace(" ", "-"))
    )
    hugged = CharacterFactory(
        drama=drama,
        name=her[0],
        actor=ActorFactory(name=her[1], slug=her[1].lower().replace(" ", "-")),
        gender=Character.Gender.FEMALE,
        role=Character.Role.FEMALE_LEAD,
    )
    return hugger, hugged


def small_catalogue() -> Catalogue:
    garden = DramaFactory(
        title="Secret Garden", slug="secret-garden", hangul_title="시크릿 가든", year=2010, episodes=20
    )
    landing = DramaFactory(
        title="Crash Landing on You",
        slug="crash-landing-on-you",
        hangul_title="사랑의 불시착",
        year=timezone.now().year,
        episodes=16,
    )
    joo_won, ra_im = leads(garden, ("Kim Joo-won", "Hyun Bin"), ("Gil Ra-im", "Ha Ji-won"))
    jeong_hyeok, se_ri = leads(landing, ("Ri Jeong-hyeok", "Hyun Bin Again"), ("Yoon Se-ri", "Son Ye-jin"))
    first_hug = SceneFactory(
        drama=garden,
        episode=4,
        hugger=joo_won,
        hugged=ra_im,
        setting="the sit-up room",
        description="He holds her from behind while she cries over the stunt she lost.",
        tropes=["comfort", "lingering"],
    )
    spoiler = SceneFactory(
        drama=landing,
        episode=16,
        start_seconds=3000,
        end_seconds=3030,
        hugger=jeong_hyeok,
        hugged=se_ri,
        setting="a field in Switzerland",
        description="Back at last, he steps behind her among the flowers.",
        tropes=["mutual"],
        is_spoiler=True,
    )
    quiet_hug = SceneFactory(
        drama=landing,
        episode=2,
        hugger=jeong_hyeok,
        hugged=se_ri,
        setting="a village night market",
        description="He steadies her from behind in the crowd without a word.",
        tropes=["comfort", "one-sided"],
    )
    for scene in (first_hug, spoiler, quiet_hug):
        SceneImageFactory(scene=scene)
    return Catalogue(garden=garden, landing=landing, first_hug=first_hug, spoiler=spoiler, quiet_hug=quiet_hug)
