"""The API's reader tools beyond the catalogue's lists: finding a scene from a screenshot."""
