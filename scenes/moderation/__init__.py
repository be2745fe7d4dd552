"""
Moderators' decisions: publishing, rejecting and featuring scenes (publishing), merging duplicates and
deciding on fans' edits and proposed dramas (decisions), the public log every decision is written to (log)
and its page (views). The admin screens (scenes/admin/) call these; none of them repeats a rule.
"""
