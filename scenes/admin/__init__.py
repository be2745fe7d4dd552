"""
The moderators' screens in Django admin, one module per part of the catalogue they look after. Importing
this package (Django's admin autodiscovery does) registers every page.
"""

from . import catalogue, moderation, scenes, search, taxonomy  # noqa: F401 - each registers its pages
