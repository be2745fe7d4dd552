"""A drama with its two leads, and a submission form's data for a back hug between them."""

from tests.factories import CharacterFactory, DramaFactory


def heirs_with_leads():
    """The Heirs with Kim Tan (male lead) and Cha Eun-sang (female lead)."""
    drama = DramaFactory(title="The Heirs", slug="the-heirs", episodes=20)
    CharacterFactory(drama=drama, name="Kim Tan")
    CharacterFactory(drama=drama, name="Cha Eun-sang", gender="female", role="female_lead")
    return drama


def hug_between_leads(drama, **fields) -> dict:
    """A submit form's fields (no screenshot) for Kim Tan hugging Cha Eun-sang in episode 3 at 12:34."""
    return {
        "drama": drama.title,
        "episode": "3",
        "start": "12:34",
        "end": "12:50",
        "hugger": str(drama.characters.get(name="Kim Tan").pk),
        "hugged": str(drama.characters.get(name="Cha Eun-sang").pk),
        "description": "He grabs her from behind in front of everyone.",
        **fields,
    }
