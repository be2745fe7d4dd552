"""``{% scene_cards scenes as cards %}``, ``{% scene_card scene %}``: cards from the card cache (catalogue/cards.py)."""

from django import template

from scenes.catalogue.cards import render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def scene_cards(context, scenes, own_votes=None):
    """The HTML of each scene's card, in order (a list: the caller wraps each in its own markup); ``own_votes``
    False: a signed-in fan's cards keep the buttons that lead to each scene's page instead of their own control."""
    return render_cards(scenes, context.get("request"), own_votes=own_votes is not False)


@register.simple_tag(takes_context=True)
def scene_card(context, scene):
    return render_cards([scene], context.get("request"))[0]
