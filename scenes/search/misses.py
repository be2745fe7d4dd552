"""The searches that found nothing, counted once per normalised query: moderators read them as what the
catalogue is missing (admin: "searches that found nothing")."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from scenes.models import SearchMiss

from .text import words


def note_search_miss(filterset) -> None:
    """Count a search that found nothing (only a plain ``q=`` search: other filters explain an empty page)."""
    data = filterset.form.cleaned_data
    if any(value for name, value in data.items() if name not in ("q", "sort")):
        return
    record_search_miss(data.get("q") or "")


def record_search_miss(text: str) -> SearchMiss | None:
    """Count one more search for ``text`` that found nothing, once per normalised query; safe under concurrency."""
    query = " ".join(words(text))[: SearchMiss.QUERY_MAX_LENGTH].strip()
    if not query:
        return None
    now = timezone.now()
    with transaction.atomic():
        if SearchMiss.objects.filter(query=query).update(count=F("count") + 1, last_seen=now):
            return SearchMiss.objects.get(query=query)
        try:
            with transaction.atomic():
                return SearchMiss.objects.create(query=query, first_seen=now, last_seen=now)
        except IntegrityError:  # Another request recorded it first.
            SearchMiss.objects.filter(query=query).update(count=F("count") + 1, last_seen=now)
            return SearchMiss.objects.get(query=query)
