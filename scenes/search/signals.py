"""
Keep the search index current: a saved scene, character, actor, drama, trope or alias rebuilds the search
documents and suggestions it appears in (scenes.search.index). Deletions need nothing here: the search rows go
with what they index (CASCADE), and characters, actors and dramas with scenes cannot be deleted (PROTECT).

Writes that skip signals (bulk_create, QuerySet.update of indexed fields, raw fixtures) rebuild the index
themselves: ``manage.py rebuild_search_index`` or scenes.search.index.reindex_scenes(). The tallies the
community services update with QuerySet.update() are not part of any search document.

Any saved or deleted scene, any trope put on or taken off one and any saved character or trope also make kept
search rankings and their facet counts out of date (scenes.search.cache).
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from scenes.models import Actor, Character, Drama, Scene, SceneTrope, Trope, TropeAlias

from .cache import search_changed
from .index import reindex_scenes, reindex_suggestions

# The fields each model contributes to search documents; a save that names others (update_fields) is skipped.
INDEXED_FIELDS = {
    Scene: {"drama", "hugger", "hugged", "setting", "description", "line_english", "line_korean"},
    Character: {"name", "actor", "drama"},
    Actor: {"name", "hangul_name", "slug", "is_confirmed"},
    Drama: {"title", "hangul_title", "other_titles", "slug", "year"},
    Trope: {"name", "hangul_name", "slug"},
    TropeAlias: {"name", "trope"},
}


def changes_search(sender, *, raw: bool, update_fields) -> bool:
    if raw:
        return False  # loaddata: related rows may not exist yet; run rebuild_search_index afterwards.
    if update_fields is None:
        return True
    indexed = INDEXED_FIELDS[sender]
    return any(field in indexed or field.removesuffix("_id") in indexed for field in update_fields)


@receiver(post_save, sender=Scene, dispatch_uid="search-scene")
def scene_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if changes_search(sender, raw=raw, update_fields=update_fields):
        reindex_scenes([instance.pk])


@receiver(post_save, sender=Character, dispatch_uid="search-character")
def character_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if not created and changes_search(sender, raw=raw, update_fields=update_fields):
        scenes = Scene.objects.filter(Q(hugger=instance) | Q(hugged=instance)).values_list("pk", flat=True)
        reindex_scenes(scenes)


@receiver(post_save, sender=Actor, dispatch_uid="search-actor")
def actor_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if changes_search(sender, raw=raw, update_fields=update_fields):
        if not created:
            playing = Q(hugger__actor=instance) | Q(hugged__actor=instance)
            reindex_scenes(Scene.objects.filter(playing).values_list("pk", flat=True))
        reindex_suggestions(actors=[instance.pk])


@receiver(post_save, sender=Drama, dispatch_uid="search-drama")
def drama_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if changes_search(sender, raw=raw, update_fields=update_fields):
        if not created:
            reindex_scenes(Scene.objects.filter(drama=instance).values_list("pk", flat=True))
        reindex_suggestions(dramas=[instance.pk])


@receiver(post_save, sender=Trope, dispatch_uid="search-trope")
def trope_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if changes_search(sender, raw=raw, update_fields=update_fields):
        reindex_suggestions(tropes=[instance.pk])


@receiver(post_save, sender=TropeAlias, dispatch_uid="search-trope-alias")
def alias_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if changes_search(sender, raw=raw, update_fields=update_fields):
        reindex_suggestions(tropes=[instance.trope_id], aliases=[instance.pk])


@receiver(post_save, sender=Scene, dispatch_uid="search-rankings-scene-saved")
@receiver(post_delete, sender=Scene, dispatch_uid="search-rankings-scene-deleted")
@receiver(post_save, sender=SceneTrope, dispatch_uid="search-rankings-trope-attached")
@receiver(post_delete, sender=SceneTrope, dispatch_uid="search-rankings-trope-detached")
@receiver(m2m_changed, sender=Scene.tropes.through, dispatch_uid="search-rankings-tropes-changed")
@receiver(post_save, sender=Character, dispatch_uid="search-rankings-character-saved")
@receiver(post_save, sender=Trope, dispatch_uid="search-rankings-trope-saved")
def rankings_changed(sender, instance, raw=False, using="default", **kwargs):
    """
    A publication, an edit, a scene's tropes, a character's role or gender or a trope's rule (the derived
    tropes) can change what a search finds and its facet counts: rank searches afresh.
    """
    search_changed(using=using)
