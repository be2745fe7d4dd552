"""The catalogue's trope facets offer no dead end: no "exclude" on a trope every result carries."""

import pytest

from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def facets(response) -> dict:
    return {facet.trope.slug: facet for group in response.context["facet_groups"] for facet in group.facets}


def test_a_trope_every_result_carries_offers_no_exclude(client):
    SceneFactory(tropes=["comfort", "lingering"])
    SceneFactory(tropes=["comfort"])
    response = client.get("/scenes/")
    shown = facets(response)
    assert shown["comfort"].count == 2 and not shown["comfort"].can_exclude
    assert shown["lingering"].count == 1 and shown["lingering"].can_exclude
    html = response.content.decode()
    assert 'aria-label="Exclude Comfort' not in html
    assert "exclude=lingering" in html
    assert "exclude=comfort" not in html


def test_within_a_filter_the_count_that_matters_is_the_filtered_results(client):
    SceneFactory(tropes=["comfort", "lingering"])
    SceneFactory(tropes=["comfort", "lingering"])
    SceneFactory(tropes=["reluctant"])
    shown = facets(client.get("/scenes/", {"trope": "comfort"}))
    # Both comfort scenes linger: leaving "lingering" out of them would leave nothing.
    assert shown["lingering"].count == 2 and not shown["lingering"].can_exclude
    assert not shown["comfort"].can_exclude  # Chosen: it is removed, not excluded.


def test_the_derived_tropes_follow_the_same_rule(client):
    SceneFactory(hugger__gender="female")
    SceneFactory()
    shown = facets(client.get("/scenes/"))
    assert shown["girl-initiated"].can_exclude  # One of two.
    assert shown["boy-initiated"].can_exclude
    shown = facets(client.get("/scenes/", {"exclude": "girl-initiated"}))
    assert not shown["boy-initiated"].can_exclude  # The one scene left is boy-initiated.
