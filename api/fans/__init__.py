"""The API of a fan's own things: notifications and their settings, follows, the feed, duels."""
