"""How a scene's verdict reads: share of awesome, a confidence-bound score, and how split the fans are."""

import math

from scenes.models import SUPERLATIVE_MIN_VOTES

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
    """
    How surely the fans are split: the lower bound of the Wilson interval for the smaller side's share (at most
    one half), and 0 under SUPERLATIVE_MIN_VOTES votes.

    Many votes split close to 50/50 score high; one-sided or few votes score low. The score used to be
    total ** (smaller / larger), which put a 2–2 split (4.0) above 7–4 (3.9) and 5–3: two fans each way are
    no evidence that fans disagree. The lower bound asks how small the minority could really be given the
    sample (2–2 scores 0.15 before the floor, 10–10 0.30, 50–50 0.40), and the floor keeps the "most
    controversial" lists and the catalogue's sort for scenes enough fans have voted on.
    """
    total = awesome + awkward
    if total < SUPERLATIVE_MIN_VOTES or not awesome or not awkward:
        return 0.0
    return wilson_lower_bound(min(awesome, awkward), total)


def awesome_share(awesome: int, awkward: int) -> int | None:
    total = awesome + awkward
    return round(100 * awesome / total) if total else None


def is_controversial(awesome: int, awkward: int) -> bool:
    share = awesome_share(awesome, awkward)
    low, high = CONTROVERSIAL_BAND
    return awesome + awkward >= CONTROVERSIAL_MIN_VOTES and share is not None and low <= share <= high
