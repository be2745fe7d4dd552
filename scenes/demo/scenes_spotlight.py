"""
Back-hug scenes from the six spotlight dramas: Love Rain, The Heirs, Girl Who Sees Smells, I Hear Your
Voice, Reply 1997 and Signal.

Only two moments are documented well enough to be marked real (illustrative=False), each checked against
Korean entertainment news published the day after broadcast:
- Love Rain, episode 14 (KBS2, 8 May 2012): Ha-na hugs Seo Joon from behind and he cries.
- I Hear Your Voice, episode 3 (SBS, 12 June 2013): Soo-ha reaches round Hye-sung to the mouse in the
  school computer room, a moment viewers and the press called a back hug.
Their timecodes are our estimates. Every other scene is illustrative: written to fit each drama's story
(the plot points it leans on were checked in episode recaps), but not a documented shot, and the site
labels it as a placeholder. The scenes fans name in the issue (Reply 1997's Joon-hee and Sung-jae near the
end, Signal in episodes 7-10, a girl-initiated hug in Girl Who Sees Smells, a "captured" Eun-sang in The
Heirs) could not be confirmed in any source we found, so they are here as illustrative scenes too.
"""

from .records import SceneFact

SCENES: tuple[SceneFact, ...] = (
    # --- Love Rain: episodes 1-4 are set in the 1970s, the rest in 2012 -------------------------------
    SceneFact(
        drama="love-rain",
        episode=1,
        start="38:05",
        seconds=18,
        hugger="Seo In-ha",
        hugged="Kim Yoon-hee",
        setting="a campus path in a sudden shower",
        description=(
            "Caught in the rain without an umbrella, Yoon-hee shelters under a tree. In-ha comes up behind "
            "her and spreads his coat over both of them, his arms closing around her shoulders to hold it."
        ),
        tropes=("protection", "surprise-romance", "arms-shoulders", "welcomed"),
    ),
    SceneFact(
        drama="love-rain",
        episode=3,
        start="44:30",
        seconds=11,
        hugger="Lee Dong-wook",
        hugged="Kim Yoon-hee",
        setting="behind the stage of the college festival",
        description=(
            "Dong-wook, happy that Yoon-hee has agreed to go out with him, hugs her from behind as the band "
            "plays. She lets him, but her eyes are on In-ha across the yard, and she slips out of his arms."
        ),
        tropes=("one-sided", "arms-waist", "pulls-away"),
    ),
    SceneFact(
        drama="love-rain",
        episode=7,
        start="33:10",
        seconds=9,
        hugger="Han Tae-sung",
        hugged="Jung Ha-na",
        setting="a gallery opening in Seoul",
        description=(
            "Tae-sung, the senior Ha-na has admired for years, greets her by catching her from behind in a "
            "quick hug. She spins round, flustered, and Seo Joon watches from the doorway."
        ),
        tropes=("surprise-romance", "fleeting", "turns-around"),
    ),
    SceneFact(
        drama="love-rain",
        episode=10,
        start="27:40",
        seconds=15,
        hugger="Seo Joon",
        hugged="Jung Ha-na",
        setting="Seo Joon's photo studio",
        description=(
            "Showing Ha-na how to steady a camera, Joon stands close behind her and guides her hands with his "
            "own. The lesson stops being about the camera; neither moves away."
        ),
        tropes=("desire", "surprise-romance", "chin-on-shoulder", "welcomed"),
        line_korean="숨 참고, 지금.",
        line_english="Hold your breath. Now.",
    ),
    SceneFact(
        drama="love-rain",
        episode=14,
        start="52:10",
        seconds=35,
        hugger="Jung Ha-na",
        hugged="Seo Joon",
        setting="outside, just after Joon leads her away by the hand",
        description=(
            "Ha-na is torn: her mother marrying Joon's father would make the two of them family. When Joon "
            "takes her hand and tells her they will face everyone together, she stops him by wrapping her arms "
            "around him from behind, and the usually flippant Joon breaks down in tears."
        ),
        tropes=("commitment", "trust-vulnerability", "mutual", "lingering", "welcomed"),
        illustrative=False,
        featured=True,
    ),
    # --- The Heirs ----------------------------------------------------------------------------------
    SceneFact(
        drama="the-heirs",
        episode=3,
        start="55:40",
        seconds=8,
        hugger="Rachel Yoo",
        hugged="Kim Tan",
        setting="Tan's house in California",
        description=(
            "Rachel, his fiancée by family arrangement, throws her arms around Tan from behind to say goodbye. "
            "He stiffens, lifts her hands off and looks past her to Eun-sang at the gate."
        ),
        tropes=("one-sided", "fleeting", "pulls-away", "reluctant"),
    ),
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
        featured=True,
    ),
    SceneFact(
        drama="the-heirs",
        episode=9,
        start="22:50",
        seconds=10,
        hugger="Choi Young-do",
        hugged="Cha Eun-sang",
        setting="the school cafeteria corridor",
        description=(
            "Young-do blocks Eun-sang's way out, then hooks an arm round her from behind when she tries to "
            "pass, daring Tan to react. She twists free and walks off without a word."
        ),
        tropes=("possession", "one-sided", "pulls-away", "reluctant"),
    ),
    SceneFact(
        drama="the-heirs",
        episode=10,
        start="40:12",
        seconds=16,
        hugger="Kim Tan",
        hugged="Cha Eun-sang",
        setting="the empty locker room after school",
        description=(
            "Tan holds Eun-sang from behind so she has to hear him out. She pushes at his arms and looks "
            "anywhere but at him; he only lets go when footsteps come down the hall."
        ),
        tropes=("desire", "arms-waist", "pulls-away", "reluctant"),
    ),
    SceneFact(
        drama="the-heirs",
        episode=14,
        start="46:05",
        seconds=25,
        hugger="Kim Tan",
        hugged="Cha Eun-sang",
        setting="the rooftop of Jeguk High",
        description=(
            "After Rachel finds out whose daughter Eun-sang is, Tan asks her to run away to America with him. "
            "She says no, and this time, when he holds her from behind, she leans back and cries."
        ),
        tropes=("comfort", "commitment", "lingering", "welcomed"),
    ),
    # --- Girl Who Sees Smells -----------------------------------------------------------------------
    SceneFact(
        drama="girl-who-sees-smells",
        episode=6,
        start="30:10",
        seconds=8,
        hugger="Choi Moo-gak",
        hugged="Oh Cho-rim",
        setting="the small theatre where Cho-rim's comedy troupe rehearses",
        description=(
            "Their comedy skit calls for a dramatic back hug, and deadpan Moo-gak performs it like a police "
            "restraint hold. Cho-rim wriggles out laughing and makes him do it again, properly."
        ),
        tropes=("surprise-romance", "fleeting", "pulls-away", "welcomed"),
    ),
    SceneFact(
        drama="girl-who-sees-smells",
        episode=13,
        start="44:20",
        seconds=22,
        hugger="Oh Cho-rim",
        hugged="Choi Moo-gak",
        setting="outside Moo-gak's apartment at night",
        description=(
            "Days after breaking up with him out of guilt, Cho-rim runs after Moo-gak and hugs him from "
            "behind. He cannot feel much of anything since his sister's death, but he stands very still and "
            "covers her hands with his."
        ),
        tropes=("commitment", "trust-vulnerability", "mutual", "lingering", "welcomed"),
        line_korean="이번엔 내가 안 놓을게요.",
        line_english="This time I'm the one who won't let go.",
        featured=True,
    ),
    SceneFact(
        drama="girl-who-sees-smells",
        episode=15,
        start="12:05",
        seconds=30,
        hugger="Choi Moo-gak",
        hugged="Oh Cho-rim",
        setting="Moo-gak's living room before dawn",
        description=(
            "Cho-rim wakes crying from a dream about her parents. Moo-gak sits behind her on the sofa and holds "
            "her until her breathing slows, saying nothing at all."
        ),
        tropes=("comfort", "protection", "lingering", "welcomed"),
    ),
    # --- I Hear Your Voice --------------------------------------------------------------------------
    SceneFact(
        drama="i-hear-your-voice",
        episode=3,
        start="38:40",
        seconds=12,
        hugger="Park Soo-ha",
        hugged="Jang Hye-sung",
        setting="the school computer room",
        description=(
            "Hye-sung is fumbling with a computer's access log for a case. Soo-ha leans in from behind and "
            "reaches round her to take the mouse, close enough that it reads as a back hug; she is too busy "
            "with the screen to notice, he is not."
        ),
        tropes=("one-sided", "surprise-romance", "fleeting"),
        illustrative=False,
        featured=True,
    ),
    SceneFact(
        drama="i-hear-your-voice",
        episode=8,
        start="20:30",
        seconds=28,
        hugger="Park Soo-ha",
        hugged="Jang Hye-sung",
        setting="the hallway of the funeral hall",
        description=(
            "After her mother's death, Hye-sung holds herself together for every visitor. When the last one "
            "leaves, Soo-ha puts his arms round her from behind and she finally lets herself cry."
        ),
        tropes=("comfort", "trust-vulnerability", "lingering", "welcomed"),
    ),
    SceneFact(
        drama="i-hear-your-voice",
        episode=11,
        start="15:00",
        seconds=7,
        hugger="Cha Gwan-woo",
        hugged="Jang Hye-sung",
        setting="the corridor outside the courtroom",
        description=(
            "Gwan-woo congratulates Hye-sung on a verdict with an awkward hug from behind, then lets go so fast "
            "that both of them laugh at how badly it went."
        ),
        tropes=("one-sided", "celebration", "fleeting", "pulls-away"),
    ),
    # --- Reply 1997 ---------------------------------------------------------------------------------
    SceneFact(
        drama="reply-1997",
        episode=9,
        start="41:00",
        seconds=20,
        hugger="Yoon Yoon-jae",
        hugged="Sung Shi-won",
        setting="the seawall in Busan at night",
        description=(
            "Shi-won is sulking over the sea about a concert she could not get into. Yoon-jae, who has loved "
            "her since they were children, rests his chin on her shoulder from behind and says nothing about "
            "his feelings, as usual."
        ),
        tropes=("one-sided", "deep-affection", "chin-on-shoulder", "lingering"),
    ),
    SceneFact(
        drama="reply-1997",
        episode=13,
        start="35:15",
        seconds=16,
        hugger="Mo Yoo-jung",
        hugged="Do Hak-chan",
        setting="a mountain trail, six years later",
        description=(
            "Meeting again on a hike, Hak-chan finally says he missed her. Yoo-jung answers by hugging him from "
            "behind, then turns him round herself and kisses him."
        ),
        tropes=("surprise-romance", "turns-around", "kiss-after", "welcomed"),
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
    # --- Signal -------------------------------------------------------------------------------------
    SceneFact(
        drama="signal",
        episode=9,
        start="58:10",
        seconds=6,
        hugger="Cha Soo-hyun",
        hugged="Lee Jae-han",
        setting="the police station stairwell, 1997",
        description=(
            "Rookie Soo-hyun has tried all day to thank her gruff senior, who will not even take her movie "
            "tickets. On the stairs she gives him a quick hug from behind before she can think better of it; "
            "he shrugs her off and tells her to get back to work."
        ),
        tropes=("one-sided", "fleeting", "pulls-away"),
    ),
    SceneFact(
        drama="signal",
        episode=10,
        start="12:40",
        seconds=18,
        hugger="Lee Jae-han",
        hugged="Cha Soo-hyun",
        setting="a dark roadside in Hongwon-dong, 1997",
        description=(
            "Soo-hyun has just escaped the man who abducted her. Jae-han finds her shaking at the roadside, "
            "wraps his jacket round her from behind and holds on until the patrol cars arrive."
        ),
        tropes=("protection", "comfort", "tight-squeeze", "trust-vulnerability"),
        line_korean="괜찮아. 이제 괜찮아.",
        line_english="It's all right. You're safe now.",
    ),
)
