"""
The curated trope taxonomy, installed by a data migration (0003) and kept here as plain data so the
demo loader and the tests speak of the same slugs.

Each trope: (slug, name, hangul name, rule, description, aliases). Derived tropes carry a rule and
follow from the hugger; the rest are attached to scenes by moderators and, later, fans' votes.
"""

GROUPS = [
    (
        "classification",
        "Classification",
        "Who reaches for whom. Second-lead and girl- or boy-initiated are facts read off the characters; "
        "one-sided and mutual are the fans' reading of the moment.",
        [
            (
                "second-lead",
                "Second lead",
                "서브 남주/여주",
                "second_lead",
                "The hugger is the second lead: the one who loves the protagonist and usually loses. "
                "These back hugs tend to be a last plea, a hope the audience knows is already gone.",
                ["second lead syndrome", "sub lead", "second-lead hug"],
            ),
            (
                "girl-initiated",
                "Girl-initiated",
                "여자가 먼저",
                "girl_initiated",
                "She hugs him from behind. Rarer than the other way round, and often the moment a heroine "
                "stops hiding what she feels.",
                ["she hugs him", "female-initiated", "girl initiated"],
            ),
            (
                "boy-initiated",
                "Boy-initiated",
                "남자가 먼저",
                "boy_initiated",
                "He hugs her from behind: the classic drama back hug, from tender to overbearing.",
                ["he hugs her", "male-initiated", "boy initiated"],
            ),
            (
                "one-sided",
                "One-sided",
                "짝사랑",
                "",
                "Only one of the two is in love. The hug says what the hugger cannot, and the one hugged "
                "does not, or cannot, answer it.",
                ["unrequited", "one sided love"],
            ),
            (
                "mutual",
                "Mutual",
                "쌍방",
                "",
                "Both feel it: the one hugged leans back or holds the arms around them. Often a couple's "
                "first quiet moment after a confession.",
                ["requited", "both ways"],
            ),
        ],
    ),
    (
        "meaning",
        "Meaning",
        "What a back hug says. One hug can say several of these at once; fans often argue which one it really is.",
        [
            (
                "protection",
                "Protection & assurance",
                "보호",
                "",
                "A body placed between the other and the world: shielding from rain, a crowd or a threat, "
                "and saying 'you are safe with me'.",
                ["protective", "shield"],
            ),
            (
                "deep-intimacy",
                "Deep intimacy",
                "친밀함",
                "",
                "Closeness that needs no words: a couple at ease in each other's space, usually at home and unhurried.",
                ["intimacy", "closeness"],
            ),
            (
                "surprise-romance",
                "Surprise & romance",
                "깜짝",
                "",
                "Arms arrive from behind without warning: a gift, a reunion or a confession timed to "
                "make the heart jump.",
                ["surprise", "sneak hug"],
            ),
            (
                "comfort",
                "Comfort & solace",
                "위로",
                "",
                "Holding someone who is hurting without making them turn and face anyone, which is often "
                "exactly what they need.",
                ["consolation", "solace", "comforting"],
            ),
            (
                "desire",
                "Desire & attraction",
                "설렘",
                "",
                "Charged and physical: the hug is less about reassurance than about wanting to be close.",
                ["attraction", "longing"],
            ),
            (
                "commitment",
                "Reassurance of commitment",
                "약속",
                "",
                "A promise in a gesture: 'I am not going anywhere', usually after a fight, a doubt or a separation.",
                ["reassurance", "promise"],
            ),
            (
                "celebration",
                "Celebration & shared joy",
                "기쁨",
                "",
                "Happiness that has to go somewhere: good news, a win, or simply being together again.",
                ["joy", "celebrating"],
            ),
            (
                "possession",
                "Mark of possession",
                "소유",
                "",
                "Holding on to say 'mine', often in front of a rival. Fans split on whether that is "
                "swoon-worthy or a red flag.",
                ["possessive", "jealous hug", "mine"],
            ),
            (
                "trust-vulnerability",
                "Trust & vulnerability",
                "신뢰",
                "",
                "Letting someone approach from where you cannot see them: a back hug accepted is trust "
                "shown, and one given can be a confession of weakness.",
                ["vulnerability", "trust"],
            ),
            (
                "deep-affection",
                "Deep affection",
                "애정",
                "",
                "Plain, warm love, without a crisis to resolve.",
                ["affection", "tender"],
            ),
        ],
    ),
    (
        "anatomy",
        "Anatomy",
        "How a back hug is done, which is most of how it reads: where the arms go, how long it lasts, "
        "and what happens next.",
        [
            (
                "arms-waist",
                "Arms around the waist",
                "허리",
                "",
                "The most romantic placement: close and low, hands often clasped in front.",
                ["waist hug"],
            ),
            (
                "arms-shoulders",
                "Arms around the shoulders",
                "어깨",
                "",
                "Higher and more sheltering; can read as protective or as friendly.",
                ["shoulder hug"],
            ),
            (
                "arms-chest",
                "Arms across the chest",
                "가슴",
                "",
                "Arms crossed over the front of the body: holding someone in place.",
                ["chest hug"],
            ),
            (
                "chin-on-shoulder",
                "Chin on the shoulder",
                "어깨에 턱",
                "",
                "The hugger rests their chin on the other's shoulder, cheek to cheek. Peak drama tenderness.",
                ["chin rest", "head on shoulder"],
            ),
            (
                "neck-kiss",
                "Neck kiss",
                "목 키스",
                "",
                "A kiss on the neck or shoulder during the hug: the back hug at its most sensual.",
                ["kiss on the neck"],
            ),
            (
                "lingering",
                "Long and lingering",
                "오래",
                "",
                "The camera stays; the hug goes on through music, dialogue, sometimes a whole flashback.",
                ["long hug", "slow"],
            ),
            (
                "fleeting",
                "Fleeting",
                "잠깐",
                "",
                "Over in a moment: a quick squeeze before anyone can react.",
                ["quick hug", "brief"],
            ),
            (
                "tight-squeeze",
                "Tight squeeze",
                "꽉",
                "",
                "Holding on hard, as if the other might disappear.",
                ["tight hug", "squeeze"],
            ),
            (
                "turns-around",
                "Turns around after",
                "돌아서기",
                "",
                "The one hugged turns to face the hugger, often the step toward a kiss or a confrontation.",
                ["turn around"],
            ),
            ("kiss-after", "Kiss after", "키스", "", "The back hug leads straight into a kiss.", ["kiss"]),
            (
                "pulls-away",
                "Pulls away",
                "뿌리치기",
                "",
                "The one hugged breaks the hug: a rejection, a hesitation or a tease.",
                ["pushes away", "breaks free"],
            ),
        ],
    ),
    (
        "consent",
        "Consent",
        "Whether the one hugged wants to be there. A welcomed back hug and a 'captured' one can look "
        "alike in a still; the reaction tells them apart.",
        [
            (
                "welcomed",
                "Welcomed",
                "환영",
                "",
                "The one hugged leans in, relaxes or holds on: clearly wanted.",
                ["wanted", "welcome"],
            ),
            (
                "reluctant",
                "Reluctant / captured",
                "억지",
                "",
                "The one hugged wants to get away: stiff, struggling or frozen. A staple of older dramas that "
                "many fans now find more awkward than awesome.",
                ["captured", "unwanted", "forced", "grabby"],
            ),
        ],
    ),
]
