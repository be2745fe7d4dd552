"""How a scene's verdict reads: share of awesome, a confidence-bound score, and how split the fans are."""

import math

# 95% confidence: the usual choice for ranking by the Wilson interval.
Z = 1.959963984540054
CONTROVERSIAL_MIN_VOTES = 6
CONTROVERSIAL_BAND = (35, 65)


def wilson_lower_bound(positive: int, total: int, z: float = Z) -> float:
    """
    The lower bound of the Wilson score interval for the share of ``positive`` votes.

    Ranks 40 awesome of 50 above 2 of 2: a raw ratio would put a scene with two fans on top.
    """
    if total <= 0:
        return 0.0
    phat = positive / total
    z2 = z * z
    centre = phat + z2 / (2 * total)
    margin = z * math.sqrt((phat * (1 - phat) + z2 / (4 * total)) / total)
    return max(0.0, (centre - margin) / (1 + z2 / total))


def controversy(awesome: int, awkward: int) -> float:
    """Many votes split close to 50/50 score high; one-sided or few votes score low."""
    if not awesome or not awkward:
        return 0.0
    balance = min(awesome, awkward) / max(awesome, awkward)
    return (awesome + awkward) ** balance


def awesome_share(awesome: int, awkward: int) -> int | None:
    total = awesome + awkward
    return round(100 * awesome / total) if total else None


def is_controversial(awesome: int, awkward: int) -> bool:
    share = awesome_share(awesome, awkward)
    low, high = CONTROVERSIAL_BAND
    return awesome + awkward >= CONTROVERSIAL_MIN_VOTES and share is not None and low <= share <= high
