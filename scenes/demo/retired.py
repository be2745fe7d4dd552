"""
Scenes earlier versions of the demo loaded and this one no longer has, by their old natural key
(drama slug, episode, "mm:ss"), so that the loader can take them out of an existing demo database.

- RETIRED: invented placeholder scenes, dropped once documented scenes showed the same tropes and kinds of
  hugger, and I Hear Your Voice episode 3 at 38:40, once loaded as documented but with no source we could find.
  The loader deletes them, with their pictures.
- MOVED: the one earlier "documented" scene that a source confirms (Love Rain, episode 14). It carried an
  estimated time; it keeps its row, address, votes and comments, and loses the time.
"""

MOVED: dict[tuple[str, int, str], int | None] = {
    ("love-rain", 14, "52:10"): 14,
}

RETIRED: tuple[tuple[str, int, str], ...] = (
    ("love-rain", 1, "38:05"),
    ("love-rain", 3, "44:30"),
    ("love-rain", 7, "33:10"),
    ("love-rain", 10, "27:40"),
    ("the-heirs", 3, "55:40"),
    ("the-heirs", 9, "22:50"),
    ("the-heirs", 10, "40:12"),
    ("the-heirs", 14, "46:05"),
    ("girl-who-sees-smells", 6, "30:10"),
    ("girl-who-sees-smells", 13, "44:20"),
    ("girl-who-sees-smells", 15, "12:05"),
    ("i-hear-your-voice", 3, "38:40"),
    ("i-hear-your-voice", 8, "20:30"),
    ("i-hear-your-voice", 11, "15:00"),
    ("reply-1997", 9, "41:00"),
    ("reply-1997", 13, "35:15"),
    ("signal", 9, "58:10"),
    ("signal", 10, "12:40"),
    ("secret-garden", 8, "33:00"),
    ("secret-garden", 12, "40:30"),
    ("secret-garden", 17, "21:15"),
    ("coffee-prince", 13, "29:45"),
    ("boys-over-flowers", 4, "18:20"),
    ("boys-over-flowers", 7, "36:50"),
    ("playful-kiss", 15, "41:10"),
    ("goblin", 9, "50:05"),
    ("goblin", 13, "24:30"),
    ("descendants-of-the-sun", 9, "31:25"),
    ("descendants-of-the-sun", 11, "08:50"),
    ("crash-landing-on-you", 10, "47:35"),
    ("crash-landing-on-you", 12, "19:10"),
    ("healer", 12, "26:40"),
    ("oh-my-venus", 8, "38:25"),
    ("strong-woman-do-bong-soon", 5, "42:40"),
    ("strong-woman-do-bong-soon", 10, "30:15"),
    ("whats-wrong-with-secretary-kim", 11, "16:30"),
    ("whats-wrong-with-secretary-kim", 14, "36:45"),
    ("full-house", 6, "22:10"),
    ("my-love-from-the-star", 9, "12:30"),
    ("my-love-from-the-star", 18, "39:20"),
    ("reply-1988", 16, "27:30"),
    ("reply-1988", 18, "50:40"),
    ("pinocchio", 11, "33:15"),
)
