"""
The moderators' screens in Django admin, one module per part of the catalogue they look after. Importing
this package (Django's admin autodiscovery does) registers every page, and gives the admin's index what waits
for the moderators (queues.py): autodiscovery runs before tropedb/urls.py asks the site for its URLs.
"""

from django.contrib import admin

from . import catalogue, moderation, queues, scenes, search, taxonomy  # noqa: F401 - each registers its pages

admin.site.index = queues.with_waiting_queues(admin.site.index)
