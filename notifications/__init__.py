"""
What tells a fan that something happened for them: a reply to their comment, their submission published or
rejected, a new back hug in a drama they follow.

- ``models``: the notifications and each fan's setting per kind (off, on the site, on the site and by e-mail);
- ``services``: the writes, called where the events happen (community.services, scenes.moderation);
- ``mail``: one e-mail per notification, a plain function a task queue can run later;
- ``selectors``: the unread count in the header (kept in the cache) and the list page's rows;
- ``views``, ``urls``: /me/notifications/, and the settings form on /me/preferences/.

Nothing is sent to a banned fan, and nothing about a comment moderators hid.
"""
