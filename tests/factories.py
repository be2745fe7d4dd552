"""factory-boy factories: a valid catalogue in one line, e.g. ``SceneFactory(hugger__role="second_male_lead")``."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from scenes.models import Actor, Character, Drama, Scene, SceneImage, SceneSource, Trope

User = get_user_model()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"fan{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")


class DramaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Drama

    title = factory.Sequence(lambda n: f"Drama Number {n}")
    slug = factory.Sequence(lambda n: f"drama-number-{n}")
    hangul_title = "드라마"
    year = 2013
    network = "SBS"
    episodes = 16


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor Number {n}")
    slug = factory.Sequence(lambda n: f"actor-number-{n}")
    hangul_name = "배우"


class CharacterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Character

    drama = factory.SubFactory(DramaFactory)
    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Character {n}")
    gender = Character.Gender.MALE
    role = Character.Role.MALE_LEAD


class SceneFactory(factory.django.DjangoModelFactory):
    """A published scene: he (the male lead) hugs her (the female lead) from behind."""

    class Meta:
        model = Scene
        skip_postgeneration_save = True

    drama = factory.SubFactory(DramaFactory)
    episode = 3
    start_seconds = 1234
    end_seconds = 1250
    hugger = factory.SubFactory(CharacterFactory, drama=factory.SelfAttribute("..drama"))
    hugged = factory.SubFactory(
        CharacterFactory,
        drama=factory.SelfAttribute("..drama"),
        gender=Character.Gender.FEMALE,
        role=Character.Role.FEMALE_LEAD,
    )
    setting = "a rainy bus stop"
    description = "He steps up behind her under the umbrella and holds on."
    status = Scene.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tropes(self, create, extracted, **kwargs):
        """``SceneFactory(tropes=["comfort", "lingering"])`` attaches curated tropes by slug."""
        if create and extracted:
            for slug in extracted:
                self.tropes.add(Trope.objects.get(slug=slug))


class SceneSourceFactory(factory.django.DjangoModelFactory):
    """A page documenting the scene (a published scene of its own unless given one)."""

    class Meta:
        model = SceneSource

    scene = factory.SubFactory(SceneFactory)
    url = factory.Sequence(lambda number: f"https://news.example.com/back-hugs/{number}")
    title = "The ten best back hugs of the year"
    publisher = "Example News"
    published_on = datetime.date(2024, 2, 14)
    quote = "he hugs her from behind at the bus stop"
    checked_on = datetime.date(2026, 12, 1)


class SceneImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SceneImage

    scene = factory.SubFactory(SceneFactory)
    image = factory.django.ImageField(width=320, height=180, color="pink", format="JPEG")
    alt_text = "Two figures under an umbrella, one holding the other from behind."
