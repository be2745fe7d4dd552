"""Reads for the community: comment threads in one query, assembled into a tree in Python."""

from dataclasses import dataclass, field

from django.db import models

# Replies deeper than this are shown at this depth, under the thread they belong to.
MAX_DEPTH = 3


@dataclass
class ThreadNode:
    comment: object
    depth: int
    replies: list["ThreadNode"] = field(default_factory=list)


class CommentQuerySet(models.QuerySet):
    def on(self, target):
        from scenes.models import Scene

        return self.filter(scene=target) if isinstance(target, Scene) else self.filter(drama=target)

    def visible(self):
        return self.filter(is_deleted=False, is_hidden=False)

    def thread(self, target) -> list[ThreadNode]:
        """The whole thread of a scene or drama as a tree, in one query however many comments."""
        comments = list(self.on(target).select_related("author").order_by("created_at", "id"))
        nodes = {comment.pk: ThreadNode(comment=comment, depth=0) for comment in comments}
        roots = []
        for comment in comments:
            node = nodes[comment.pk]
            parent = nodes.get(comment.parent_id)
            if parent is None:
                roots.append(node)
                continue
            node.depth = min(parent.depth + 1, MAX_DEPTH)
            # At the deepest level replies line up under the same ancestor instead of nesting further.
            while parent.depth >= MAX_DEPTH:
                parent = nodes[parent.comment.parent_id]
            parent.replies.append(node)
        return [node for node in roots if _has_content(node)]


def _has_content(node: ThreadNode) -> bool:
    """A removed comment stays as a placeholder only while replies hang under it."""
    node.replies = [reply for reply in node.replies if _has_content(reply)]
    return not node.comment.is_deleted or bool(node.replies)
