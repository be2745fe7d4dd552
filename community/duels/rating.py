"""
Glicko-1 ratings (Glickman, 1999): an Elo rating with a deviation that says how sure it is. A new scene starts at
1500 ± 700 (twice the deviation); every duel narrows its deviation, and a result moves a rating less the surer
it is and the surer the opponent's is. Ratings are updated one duel at a time, both scenes together.
"""

import math
from dataclasses import dataclass

START_RATING = 1500.0
START_DEVIATION = 350.0
MIN_DEVIATION = 30.0  # never perfectly sure: tastes drift
Q = math.log(10) / 400


@dataclass(frozen=True)
class Rating:
    rating: float = START_RATING
    deviation: float = START_DEVIATION

    @property
    def conservative(self) -> float:
        """The rating less twice its deviation: a scene must be good *and* well known to rank high."""
        return self.rating - 2 * self.deviation


def _g(deviation: float) -> float:
    return 1 / math.sqrt(1 + 3 * Q * Q * deviation * deviation / (math.pi * math.pi))


def expected(player: Rating, opponent: Rating) -> float:
    """The chance ``player`` wins, as the ratings see it."""
    return 1 / (1 + 10 ** (-_g(opponent.deviation) * (player.rating - opponent.rating) / 400))


def updated(player: Rating, opponent: Rating, score: float, weight: float = 1.0) -> Rating:
    """``player``'s rating after a duel against ``opponent`` (score 1 won, 0 lost), counted ``weight`` times (0..1)."""
    if weight <= 0:
        return player
    g = _g(opponent.deviation)
    chance = expected(player, opponent)
    information = weight * Q * Q * g * g * chance * (1 - chance)  # 1/d², scaled by the weight
    precision = 1 / player.deviation**2 + information
    rating = player.rating + weight * Q / precision * g * (score - chance)
    return Rating(rating, max(MIN_DEVIATION, math.sqrt(1 / precision)))


def duel(winner: Rating, loser: Rating, weight: float = 1.0) -> tuple[Rating, Rating]:
    """Both ratings after ``winner`` beat ``loser``, each computed from the other's rating before the duel."""
    return updated(winner, loser, 1.0, weight), updated(loser, winner, 0.0, weight)
