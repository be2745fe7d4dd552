"""Moderators run the catalogue from here: see scenes/admin.py."""
