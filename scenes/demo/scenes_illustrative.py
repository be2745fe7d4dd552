"""
Illustrative back hugs: invented placeholder scenes, labelled as such on the site, kept only where they show
something no documented scene does.

- The Heirs, episode 5: a "captured" hug and a mark of possession (tropes possession, arms across the chest).
- Reply 1997, episode 16: a man hugging his friend from behind, in celebration (celebration, arms around the
  shoulders, fleeting); fans place such a moment between Joon-hee and Sung-jae near the end of the drama, but
  no source we found describes it.
- Coffee Prince, episode 10: chin on the shoulder.
- It's Okay, That's Love, episode 7: arms around the waist, turning around, a kiss after.

Each has an invented episode and time, written to fit the drama's story but not a documented shot.
"""

from .records import SceneFact

SCENES: tuple[SceneFact, ...] = (
    SceneFact(
        drama="the-heirs",
        episode=5,
        start="18:30",
        seconds=14,
        hugger="Kim Tan",
        hugged="Cha Eun-sang",
        setting="the kitchen of the Kim family house, late at night",
        description=(
            "Tan, still stunned that the girl from California lives under his roof, catches Eun-sang from "
            "behind before she can slip back to the maid's room. She freezes, arms pinned, waiting for him to "
            "let go: the 'captured' back hug fans argue about."
        ),
        tropes=("possession", "tight-squeeze", "arms-chest", "reluctant"),
        line_korean="도망가지 마. 잠깐만.",
        line_english="Don't run. Just a second.",
    ),
    SceneFact(
        drama="reply-1997",
        episode=16,
        start="49:30",
        seconds=9,
        hugger="Bang Sung-jae",
        hugged="Kang Joon-hee",
        setting="the 2012 class reunion",
        description=(
            "As the reunion winds down, Sung-jae flings his arms round Joon-hee from behind and hangs off his "
            "shoulders, the way he did at eighteen. Joon-hee laughs and lets him."
        ),
        tropes=("celebration", "arms-shoulders", "fleeting", "welcomed"),
        line_korean="고생했다, 친구야.",
        line_english="You did well, my friend.",
    ),
    SceneFact(
        drama="coffee-prince",
        episode=10,
        start="46:20",
        seconds=22,
        hugger="Choi Han-kyul",
        hugged="Go Eun-chan",
        setting="the café after closing time",
        description=(
            "Eun-chan is wiping down the espresso machine when Han-kyul comes up behind her and rests his chin "
            "on her shoulder, in no hurry to let the evening end."
        ),
        tropes=("deep-intimacy", "chin-on-shoulder", "lingering", "welcomed"),
    ),
    SceneFact(
        drama="its-okay-thats-love",
        episode=7,
        start="33:50",
        seconds=20,
        hugger="Ji Hae-soo",
        hugged="Jang Jae-yeol",
        setting="the shared house's kitchen",
        description=(
            "Hae-soo, who has been keeping Jae-yeol at arm's length, comes up behind him while he makes coffee "
            "and slides her arms around his waist. He turns round and kisses her."
        ),
        tropes=("desire", "arms-waist", "turns-around", "kiss-after"),
    ),
)
