"""``{% scene_cards scenes as cards %}``, ``{% scene_card scene %}``: cards from the card cache (catalogue/cards.py)."""

from django import template

from scenes.catalogue.cards import render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def scene_cards(context, scenes):
    """The HTML of each scene's card, in order (a list: the caller wraps each in its own markup)."""
    return render_cards(scenes, context.get("request"))


@register.simple_tag(takes_context=True)
def scene_card(context, scene):
    return render_cards([scene], context.get("request"))[0]
