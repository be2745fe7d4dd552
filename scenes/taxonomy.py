"""
The curated trope taxonomy, installed by a data migration (0003) and kept here as plain data so the
demo loader and the tests speak of the same slugs.

Each trope: (slug, name, hangul name, rule, description, aliases). Derived tropes carry a rule and
follow from the hugger; the rest are attached to scenes by moderators and, later, fans' votes.
The groups' names and descriptions and the tropes' descriptions are marked for translation (gettext_noop: the
data stays plain English here and in the database); pages show them in the reader's language with the
``curated`` filter (scenes/templatetags/names.py), and a text a moderator has since changed shows as written.
"""

from django.utils.translation import gettext_noop

GROUPS = [
    (
        "classification",
        gettext_noop("Classification"),
        gettext_noop(
            "Who reaches for whom. Second-lead and girl- or boy-initiated are facts read off the characters; "
            "one-sided and mutual are the fans' reading of the moment."
        ),
        [
            (
                "second-lead",
                "Second lead",
                "서브 남주/여주",
                "second_lead",
                gettext_noop(
                    "The hugger is the second lead: the one who loves the protagonist and usually loses. "
                    "These back hugs tend to be a last plea, a hope the audience knows is already gone."
                ),
                ["second lead syndrome", "sub lead", "second-lead hug"],
            ),
            (
                "girl-initiated",
                "Girl-initiated",
                "여자가 먼저",
                "girl_initiated",
                gettext_noop(
                    "She hugs him from behind. Rarer than the other way round, and often the moment a heroine "
                    "stops hiding what she feels."
                ),
                ["she hugs him", "female-initiated", "girl initiated"],
            ),
            (
                "boy-initiated",
                "Boy-initiated",
                "남자가 먼저",
                "boy_initiated",
                gettext_noop("He hugs her from behind: the classic drama back hug, from tender to overbearing."),
                ["he hugs her", "male-initiated", "boy initiated"],
            ),
            (
                "one-sided",
                "One-sided",
                "짝사랑",
                "",
                gettext_noop(
                    "Only one of the two is in love. The hug says what the hugger cannot, and the one hugged "
                    "does not, or cannot, answer it."
                ),
                ["unrequited", "one sided love"],
            ),
            (
                "mutual",
                "Mutual",
                "쌍방",
                "",
                gettext_noop(
                    "Both feel it: the one hugged leans back or holds the arms around them. Often a couple's "
                    "first quiet moment after a confession."
                ),
                ["requited", "both ways"],
            ),
        ],
    ),
    (
        "meaning",
        gettext_noop("Meaning"),
        gettext_noop(
            "What a back hug says. One hug can say several of these at once; fans often argue which one it really is."
        ),
        [
            (
                "protection",
                "Protection & assurance",
                "보호",
                "",
                gettext_noop(
                    "A body placed between the other and the world: shielding from rain, a crowd or a threat, "
                    "and saying 'you are safe with me'."
                ),
                ["protective", "shield"],
            ),
            (
                "deep-intimacy",
                "Deep intimacy",
                "친밀함",
                "",
                gettext_noop(
                    "Closeness that needs no words: a couple at ease in each other's space, usually at home and unhurried."
                ),
                ["intimacy", "closeness"],
            ),
            (
                "surprise-romance",
                "Surprise & romance",
                "깜짝",
                "",
                gettext_noop(
                    "Arms arrive from behind without warning: a gift, a reunion or a confession timed to "
                    "make the heart jump."
                ),
                ["surprise", "sneak hug"],
            ),
            (
                "comfort",
                "Comfort & solace",
                "위로",
                "",
                gettext_noop(
                    "Holding someone who is hurting without making them turn and face anyone, which is often "
                    "exactly what they need."
                ),
                ["consolation", "solace", "comforting"],
            ),
            (
                "desire",
                "Desire & attraction",
                "설렘",
                "",
                gettext_noop("Charged and physical: the hug is less about reassurance than about wanting to be close."),
                ["attraction", "longing"],
            ),
            (
                "commitment",
                "Reassurance of commitment",
                "약속",
                "",
                gettext_noop(
                    "A promise in a gesture: 'I am not going anywhere', usually after a fight, a doubt or a separation."
                ),
                ["reassurance", "promise"],
            ),
            (
                "celebration",
                "Celebration & shared joy",
                "기쁨",
                "",
                gettext_noop("Happiness that has to go somewhere: good news, a win, or simply being together again."),
                ["joy", "celebrating"],
            ),
            (
                "possession",
                "Mark of possession",
                "소유",
                "",
                gettext_noop(
                    "Holding on to say 'mine', often in front of a rival. Fans split on whether that is "
                    "swoon-worthy or a red flag."
                ),
                ["possessive", "jealous hug", "mine"],
            ),
            (
                "trust-vulnerability",
                "Trust & vulnerability",
                "신뢰",
                "",
                gettext_noop(
                    "Letting someone approach from where you cannot see them: a back hug accepted is trust "
                    "shown, and one given can be a confession of weakness."
                ),
                ["vulnerability", "trust"],
            ),
            (
                "deep-affection",
                "Deep affection",
                "애정",
                "",
                gettext_noop("Plain, warm love, without a crisis to resolve."),
                ["affection", "tender"],
            ),
        ],
    ),
    (
        "anatomy",
        gettext_noop("Anatomy"),
        gettext_noop(
            "How a back hug is done, which is most of how it reads: where the arms go, how long it lasts, "
            "and what happens next."
        ),
        [
            (
                "arms-waist",
                "Arms around the waist",
                "허리",
                "",
                gettext_noop("The most romantic placement: close and low, hands often clasped in front."),
                ["waist hug"],
            ),
            (
                "arms-shoulders",
                "Arms around the shoulders",
                "어깨",
                "",
                gettext_noop("Higher and more sheltering; can read as protective or as friendly."),
                ["shoulder hug"],
            ),
            (
                "arms-chest",
                "Arms across the chest",
                "가슴",
                "",
                gettext_noop("Arms crossed over the front of the body: holding someone in place."),
                ["chest hug"],
            ),
            (
                "chin-on-shoulder",
                "Chin on the shoulder",
                "어깨에 턱",
                "",
                gettext_noop(
                    "The hugger rests their chin on the other's shoulder, cheek to cheek. Peak drama tenderness."
                ),
                ["chin rest", "head on shoulder"],
            ),
            (
                "neck-kiss",
                "Neck kiss",
                "목 키스",
                "",
                gettext_noop("A kiss on the neck or shoulder during the hug: the back hug at its most sensual."),
                ["kiss on the neck"],
            ),
            (
                "lingering",
                "Long and lingering",
                "오래",
                "",
                gettext_noop("The camera stays; the hug goes on through music, dialogue, sometimes a whole flashback."),
                ["long hug", "slow"],
            ),
            (
                "fleeting",
                "Fleeting",
                "잠깐",
                "",
                gettext_noop("Over in a moment: a quick squeeze before anyone can react."),
                ["quick hug", "brief"],
            ),
            (
                "tight-squeeze",
                "Tight squeeze",
                "꽉",
                "",
                gettext_noop("Holding on hard, as if the other might disappear."),
                ["tight hug", "squeeze"],
            ),
            (
                "turns-around",
                "Turns around after",
                "돌아서기",
                "",
                gettext_noop(
                    "The one hugged turns to face the hugger, often the step toward a kiss or a confrontation."
                ),
                ["turn around"],
            ),
            (
                "kiss-after",
                "Kiss after",
                "키스",
                "",
                gettext_noop("The back hug leads straight into a kiss."),
                ["kiss"],
            ),
            (
                "pulls-away",
                "Pulls away",
                "뿌리치기",
                "",
                gettext_noop("The one hugged breaks the hug: a rejection, a hesitation or a tease."),
                ["pushes away", "breaks free"],
            ),
        ],
    ),
    (
        "consent",
        gettext_noop("Consent"),
        gettext_noop(
            "Whether the one hugged wants to be there. A welcomed back hug and a 'captured' one can look "
            "alike in a still; the reaction tells them apart."
        ),
        [
            (
                "welcomed",
                "Welcomed",
                "환영",
                "",
                gettext_noop("The one hugged leans in, relaxes or holds on: clearly wanted."),
                ["wanted", "welcome"],
            ),
            (
                "reluctant",
                "Reluctant / captured",
                "억지",
                "",
                gettext_noop(
                    "The one hugged wants to get away: stiff, struggling or frozen. A staple of older dramas that "
                    "many fans now find more awkward than awesome."
                ),
                ["captured", "unwanted", "forced", "grabby"],
            ),
        ],
    ),
]
