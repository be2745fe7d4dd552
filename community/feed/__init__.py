"""A fan's feed: what the dramas, actors and fans they follow did (``entries``), at /me/feed/, Atom too (``views``)."""
