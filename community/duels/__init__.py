"""
Duels: two published back hugs side by side, "which is better?". Each pick moves both scenes' ratings (Glicko,
an Elo rating with its uncertainty, in ``rating``); ``services`` records a pick (one per fan and pair, dealt by the
server, a fan's weight on any one scene capped); ``selectors`` deals pairs and lists the ranking; ``views`` are
/duels/ and /duels/ranking/.
"""
