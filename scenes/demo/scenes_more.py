"""
Back-hug scenes from the other dramas of the demo catalogue.

All of these are illustrative: written in our own words to fit each drama's story and couples, with
fixed, invented timecodes, and labelled as placeholders on the site. They exist so the catalogue's filters
have something to find: girl-initiated hugs, second leads, welcomed against "captured", and the range of
meanings in the trope guide.
"""

from .records import SceneFact

SCENES: tuple[SceneFact, ...] = (
    # --- Secret Garden ------------------------------------------------------------------------------
    SceneFact(
        drama="secret-garden",
        episode=8,
        start="33:00",
        seconds=20,
        hugger="Kim Joo-won",
        hugged="Gil Ra-im",
        setting="the action school's practice hall",
        description=(
            "Joo-won turns up unannounced while Ra-im is practising falls, and holds her from behind as if "
            "the stunt mats belonged to him too. She elbows him lightly, but turns round smiling."
        ),
        tropes=("possession", "arms-waist", "turns-around", "welcomed"),
    ),
    SceneFact(
        drama="secret-garden",
        episode=12,
        start="40:30",
        seconds=10,
        hugger="Oska",
        hugged="Yoon Seul",
        setting="a hotel terrace after a music awards party",
        description=(
            "Oska tries his famous charm on Seul with a surprise hug from behind. She removes his hands one "
            "finger at a time and tells him to try that on his fans."
        ),
        tropes=("surprise-romance", "fleeting", "pulls-away"),
    ),
    SceneFact(
        drama="secret-garden",
        episode=17,
        start="21:15",
        seconds=25,
        hugger="Gil Ra-im",
        hugged="Kim Joo-won",
        setting="the garden of the house in the woods",
        description=(
            "Ra-im finds Joo-won alone and lost in thought and, for once, she is the one who closes the "
            "distance, wrapping her arms around him from behind and resting her cheek on his back."
        ),
        tropes=("comfort", "trust-vulnerability", "lingering", "mutual"),
        line_korean="가지 마요.",
        line_english="Don't go.",
    ),
    # --- Coffee Prince ------------------------------------------------------------------------------
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
        drama="coffee-prince",
        episode=13,
        start="29:45",
        seconds=15,
        hugger="Han Yoo-joo",
        hugged="Choi Han-sung",
        setting="Han-sung's music studio",
        description=(
            "After months of hesitating, Yoo-joo walks into the studio, hugs Han-sung from behind while he "
            "plays, and tells him she is staying."
        ),
        tropes=("commitment", "arms-waist", "lingering", "welcomed"),
    ),
    # --- Boys Over Flowers --------------------------------------------------------------------------
    SceneFact(
        drama="boys-over-flowers",
        episode=4,
        start="18:20",
        seconds=9,
        hugger="Gu Jun-pyo",
        hugged="Geum Jan-di",
        setting="a Shinhwa High corridor",
        description=(
            "Jun-pyo grabs Jan-di from behind in front of half the school to announce that she is his. She "
            "stamps on his foot and marches off."
        ),
        tropes=("possession", "tight-squeeze", "pulls-away", "reluctant"),
    ),
    SceneFact(
        drama="boys-over-flowers",
        episode=7,
        start="36:50",
        seconds=20,
        hugger="Yoon Ji-hoo",
        hugged="Geum Jan-di",
        setting="the emergency staircase where Ji-hoo naps",
        description=(
            "Jan-di comes to the staircase to cry in private, and Ji-hoo, who seems to be always there, folds "
            "his arms round her shoulders from behind and lets her."
        ),
        tropes=("comfort", "one-sided", "arms-shoulders", "lingering"),
    ),
    # --- Playful Kiss -------------------------------------------------------------------------------
    SceneFact(
        drama="playful-kiss",
        episode=15,
        start="41:10",
        seconds=14,
        hugger="Baek Seung-jo",
        hugged="Oh Ha-ni",
        setting="the kitchen of their new home",
        description=(
            "Seung-jo, who for years could barely admit to liking Ha-ni, surprises her from behind while she "
            "cooks and tastes the sauce over her shoulder. She burns the sauce."
        ),
        tropes=("surprise-romance", "deep-affection", "chin-on-shoulder", "welcomed"),
    ),
    # --- Goblin -------------------------------------------------------------------------------------
    SceneFact(
        drama="goblin",
        episode=9,
        start="50:05",
        seconds=12,
        hugger="Sunny",
        hugged="Grim Reaper",
        setting="Sunny's chicken restaurant",
        description=(
            "Sunny catches the Grim Reaper trying to leave without a word and hugs him from behind to keep him "
            "there. He goes rigid and carefully unwinds her arms."
        ),
        tropes=("surprise-romance", "fleeting", "pulls-away"),
    ),
    SceneFact(
        drama="goblin",
        episode=13,
        start="24:30",
        seconds=30,
        hugger="Kim Shin",
        hugged="Ji Eun-tak",
        setting="a quiet street in Quebec",
        description=(
            "Eun-tak is reading the letter she wrote to her future self when Kim Shin steps up behind her and "
            "holds her, as if to make sure that this time he gets to stay."
        ),
        tropes=("commitment", "trust-vulnerability", "lingering", "welcomed"),
        line_korean="조금만 이렇게 있자.",
        line_english="Let's stay like this a little longer.",
        featured=True,
    ),
    # --- Descendants of the Sun ---------------------------------------------------------------------
    SceneFact(
        drama="descendants-of-the-sun",
        episode=9,
        start="31:25",
        seconds=18,
        hugger="Yoo Si-jin",
        hugged="Kang Mo-yeon",
        setting="the medical camp in Uruk",
        description=(
            "An aftershock rattles the camp. Si-jin pulls Mo-yeon back against him, arms across her, until "
            "the ground stops moving, then pretends it was nothing."
        ),
        tropes=("protection", "arms-chest", "welcomed"),
    ),
    SceneFact(
        drama="descendants-of-the-sun",
        episode=11,
        start="08:50",
        seconds=14,
        hugger="Yoon Myung-ju",
        hugged="Seo Dae-young",
        setting="the base's helipad at dawn",
        description=(
            "Myung-ju has heard that Dae-young asked to be transferred away from her. She runs to the helipad, "
            "hugs him from behind and refuses to let go until he turns round."
        ),
        tropes=("commitment", "tight-squeeze", "turns-around"),
    ),
    # --- Crash Landing on You -----------------------------------------------------------------------
    SceneFact(
        drama="crash-landing-on-you",
        episode=10,
        start="47:35",
        seconds=26,
        hugger="Ri Jeong-hyeok",
        hugged="Yoon Se-ri",
        setting="the rooftop of a Seoul hotel at night",
        description=(
            "Se-ri is watching the city lights and thinking about the day he will have to go back. "
            "Jeong-hyeok comes up behind her and holds her, saying only that the night air is cold."
        ),
        tropes=("deep-affection", "protection", "lingering", "welcomed"),
        featured=True,
    ),
    SceneFact(
        drama="crash-landing-on-you",
        episode=12,
        start="19:10",
        seconds=8,
        hugger="Gu Seung-jun",
        hugged="Seo Dan",
        setting="a department store parking lot",
        description=(
            "Seung-jun tries a back hug to make Dan laugh. She does not laugh, and pushes him off before he has "
            "finished the sentence he had rehearsed."
        ),
        tropes=("one-sided", "fleeting", "pulls-away", "reluctant"),
    ),
    # --- It's Okay, That's Love ---------------------------------------------------------------------
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
    # --- Healer -------------------------------------------------------------------------------------
    SceneFact(
        drama="healer",
        episode=12,
        start="26:40",
        seconds=15,
        hugger="Seo Jung-hoo",
        hugged="Chae Young-shin",
        setting="an alley while men search the street",
        description=(
            "Jung-hoo pulls Young-shin into a dark doorway and holds her against him from behind, a hand over "
            "her arms, until the footsteps have passed."
        ),
        tropes=("protection", "surprise-romance", "arms-chest", "welcomed"),
    ),
    # --- Oh My Venus --------------------------------------------------------------------------------
    SceneFact(
        drama="oh-my-venus",
        episode=8,
        start="38:25",
        seconds=17,
        hugger="Kim Young-ho",
        hugged="Kang Joo-eun",
        setting="the home gym",
        description=(
            "Correcting Joo-eun's form, trainer Young-ho ends up standing behind her with his arms around her, "
            "and forgets what the exercise was."
        ),
        tropes=("desire", "deep-intimacy", "chin-on-shoulder", "welcomed"),
    ),
    # --- Strong Woman Do Bong-soon ------------------------------------------------------------------
    SceneFact(
        drama="strong-woman-do-bong-soon",
        episode=5,
        start="42:40",
        seconds=9,
        hugger="In Guk-doo",
        hugged="Do Bong-soon",
        setting="the police station car park",
        description=(
            "Guk-doo, her childhood crush, gives Bong-soon a friendly squeeze from behind and walks off "
            "whistling, without noticing that she has gone bright red."
        ),
        tropes=("one-sided", "fleeting", "arms-shoulders"),
    ),
    SceneFact(
        drama="strong-woman-do-bong-soon",
        episode=10,
        start="30:15",
        seconds=12,
        hugger="Do Bong-soon",
        hugged="Ahn Min-hyuk",
        setting="Min-hyuk's game company office",
        description=(
            "Bong-soon hugs Min-hyuk from behind in delight, forgetting her own strength; he wheezes that he is "
            "very happy too and would like to breathe."
        ),
        tropes=("celebration", "surprise-romance", "tight-squeeze"),
        line_korean="너무 세게 안았나?",
        line_english="Did I squeeze too hard?",
    ),
    # --- What's Wrong with Secretary Kim ------------------------------------------------------------
    SceneFact(
        drama="whats-wrong-with-secretary-kim",
        episode=11,
        start="16:30",
        seconds=20,
        hugger="Lee Young-joon",
        hugged="Kim Mi-so",
        setting="the vice chairman's office after hours",
        description=(
            "Mi-so is tidying his desk for the last time that day when Young-joon stops her with a hug from "
            "behind, rather pleased with himself for thinking of it."
        ),
        tropes=("deep-affection", "chin-on-shoulder", "lingering", "welcomed"),
    ),
    SceneFact(
        drama="whats-wrong-with-secretary-kim",
        episode=14,
        start="36:45",
        seconds=12,
        hugger="Kim Mi-so",
        hugged="Lee Young-joon",
        setting="the lobby of his building",
        description=(
            "For once the perfect secretary breaks protocol: Mi-so runs up and hugs Young-joon from behind in "
            "front of the front desk, and enjoys his astonished face."
        ),
        tropes=("surprise-romance", "celebration", "fleeting"),
    ),
    # --- Full House ---------------------------------------------------------------------------------
    SceneFact(
        drama="full-house",
        episode=6,
        start="22:10",
        seconds=11,
        hugger="Lee Young-jae",
        hugged="Han Ji-eun",
        setting="the terrace of the seaside house",
        description=(
            "With his old crush watching from the garden, Young-jae grabs Ji-eun from behind to play the happy "
            "husband of their contract marriage. She plays along for exactly three seconds."
        ),
        tropes=("possession", "arms-waist", "pulls-away", "reluctant"),
    ),
    # --- My Love from the Star ----------------------------------------------------------------------
    SceneFact(
        drama="my-love-from-the-star",
        episode=9,
        start="12:30",
        seconds=10,
        hugger="Lee Hwi-kyung",
        hugged="Cheon Song-yi",
        setting="outside Song-yi's apartment",
        description=(
            "Hwi-kyung, devoted to Song-yi since school, tries a hug from behind to comfort her. She pats his "
            "hand, slips out of it, and tells him to go home."
        ),
        tropes=("one-sided", "comfort", "pulls-away", "reluctant"),
    ),
    SceneFact(
        drama="my-love-from-the-star",
        episode=18,
        start="39:20",
        seconds=22,
        hugger="Do Min-joon",
        hugged="Cheon Song-yi",
        setting="Min-joon's study full of old books",
        description=(
            "Knowing he may be pulled away at any moment, Min-joon holds Song-yi from behind and promises he "
            "will find his way back to her, however long it takes."
        ),
        tropes=("commitment", "protection", "lingering", "welcomed"),
    ),
    # --- Reply 1988 ---------------------------------------------------------------------------------
    SceneFact(
        drama="reply-1988",
        episode=16,
        start="27:30",
        seconds=8,
        hugger="Kim Jung-hwan",
        hugged="Sung Deok-sun",
        setting="the alley outside their houses in Ssangmun-dong",
        description=(
            "Jung-hwan grabs Deok-sun from behind in a headlock-turned-hug on the way home, as if it were a "
            "joke. She shoves him off, laughing, and never guesses he meant it."
        ),
        tropes=("one-sided", "fleeting", "arms-shoulders", "welcomed"),
    ),
    SceneFact(
        drama="reply-1988",
        episode=18,
        start="50:40",
        seconds=18,
        hugger="Choi Taek",
        hugged="Sung Deok-sun",
        setting="Taek's room, strewn with baduk books",
        description=(
            "Taek, back from a tournament abroad, hugs Deok-sun from behind as she reads his match notes, and "
            "falls half asleep on her shoulder."
        ),
        tropes=("deep-affection", "chin-on-shoulder", "lingering", "welcomed"),
    ),
    # --- Pinocchio ----------------------------------------------------------------------------------
    SceneFact(
        drama="pinocchio",
        episode=11,
        start="33:15",
        seconds=15,
        hugger="Choi Dal-po",
        hugged="Choi In-ha",
        setting="the newsroom's empty broadcast booth",
        description=(
            "In-ha hiccups whenever she lies, and tonight she cannot stop. Dal-po holds her from behind until "
            "the hiccups, and the tears, run out."
        ),
        tropes=("comfort", "trust-vulnerability", "arms-waist", "welcomed"),
    ),
)
