"""
A reader's own settings: tropes hidden everywhere, how far they have watched each drama and the spoiler
rule that follows (viewer), and the preferences page (forms, views).
"""
