"""
Documented back hugs, dramas Reply 1988 to You're All Surrounded: each described by the pages cited with it.

As in scenes_documented_a_h: our own descriptions, short quotes to find the passage, no times, and an episode
only where a page names it.
"""

from datetime import date

from .records import SceneFact, SourceFact, documented

COSMO_HUGS = SourceFact(
    "https://www.cosmo.ph/entertainment/different-types-of-k-drama-hugs-a655-20190511-lfrm",
    "The 5 Different Types Of K-Drama Hugs",
    "Cosmopolitan Philippines",
    "",  # each scene quotes its own passage (see below)
    date(2019, 5, 11),
)

SCENES: tuple[SceneFact, ...] = (
    documented(
        "reply-1988",
        None,
        "Sung Deok-sun",
        "Kim Jung-hwan",
        "",
        "Deok-sun ducks behind Jung-hwan and clings to him from behind, using him as a shield against her angry "
        "mother.",
        ("protection",),
        "medium",
        COSMO_HUGS._replace(quote='"Please, protect me from my eomma" kind of back hug'),
    ),
    documented(
        "reunited-worlds",
        None,
        "Sung Hae-sung",
        "Jung Jung-won",
        "a corner of a supermarket",
        "Hae-sung bickers with a sulking Jung-won in the supermarket and grips her wrist so she cannot storm off. "
        "In the end he wraps her in a hug from behind with both arms, and she looks close to tears.",
        ("tight-squeeze", "deep-affection"),
        "medium",
        SourceFact(
            "https://m.wowtv.co.kr/NewsCenter/News/Read?articleId=A201708230179",
            "‘다시 만난 세계’ 여진구-이연희, 애틋함 담긴 양팔 가득 백허그",
            "Korea Economic TV",
            "결국 뒤에서 와락 안아버리는 장면",
            date(2017, 8, 23),
        ),
    ),
    documented(
        "school-2017",
        None,
        "Ra Eun-ho",
        "Hyun Tae-woon",
        "",
        "Eun-ho grabs Tae-woon from behind to hold him back and stop him from hurting someone.",
        ("protection",),
        "medium",
        COSMO_HUGS._replace(quote='"Please, calm down, don\'t hurt him!" back hug'),
    ),
    documented(
        "secret-love",
        13,
        "Jo Min-hyuk",
        "Kang Yoo-jung",
        "a bus stop near the columbarium",
        "Yoo-jung visits the columbarium of Min-hyuk's late girlfriend, the woman killed in the hit-and-run she "
        "went to prison for, and admits there that she has fallen for him. Min-hyuk, come to the same place, "
        "overhears, runs after her and holds her hard from behind just as she is getting on a bus.",
        ("mutual", "tight-squeeze"),
        "high",
        SourceFact(
            "https://m.mbn.co.kr/news-amp/1535269",
            "비밀 황정음 지성, 백허그로 서로의 마음 확인했다",
            "MBN Star",
            "‘상처 백허그를 나누며 드디어 서로의 마음을 확인했다",
            date(2013, 11, 7),
        ),
        SourceFact(
            "https://kyeonggi.com/article/201311070540252",
            "Kyeonggi Ilbo on Secret Love (headline not captured)",
            "Kyeonggi Ilbo",
            "버스에 타려는 강유정을 강하게 백허그해",
            date(2013, 11, 7),
        ),
        featured=True,
    ),
    documented(
        "strong-woman-do-bong-soon",
        None,
        "Ahn Min-hyuk",
        "Do Bong-soon",
        "a training session",
        "Stills released before the premiere: in the middle of a gruelling session meant to teach Bong-soon to "
        "control her strength, her boss Min-hyuk unexpectedly hugs her from behind.",
        ("surprise-romance",),
        "low",
        SourceFact(
            "https://www.soompi.com/article/950493wpp/park-hyung-sik-surprises-park-bo-young-adorable-back-hug-stills-strong-woman-bong-soon",
            "Park Hyung Sik Surprises Park Bo Young With Adorable Back Hug In Stills For “Strong Woman Do Bong Soon”",
            "Soompi",
            "surprising Park Bo Young with an adorable back hug",
            date(2017, 2, 16),
        ),
        SourceFact(
            "http://www.dramabeans.com/2017/02/backhugs-and-schoolgirl-crushes-on-strong-woman-do-bong-soon/",
            "Backhugs and schoolgirl crushes on Strong Woman Do Bong-soon",
            "Dramabeans",
            "Someone’s getting handsy.",
            date(2017, 2, 16),
        ),
    ),
    documented(
        "to-the-beautiful-you",
        9,
        "Kang Tae-joon",
        "Goo Jae-hee",
        "",
        "Jae-hee, disguised as a boy at an all-boys school, stands on a chair to change a light bulb. Tae-joon, who "
        "has worked out that she is a girl, suddenly hugs her from behind; she looks down at him, flustered, not "
        "knowing what to do.",
        ("surprise-romance",),
        "high",
        SourceFact(
            "https://www.kdramastars.com/articles/5597/20120912/min-ho-gives-sulli-a-back-hug-close-enough-to-hear-heartbeat.htm",
            "'To the Beautiful You' Min Ho Gives Sulli a Back Hug: \"Close Enough to Hear Her Heartbeat\"",
            "KDramaStars",
            "Then Min Ho suddenly hugs her from the back",
            date(2012, 9, 12),
        ),
        SourceFact(
            "http://www.adottedbug.com/2013/05/to-beautiful-you-korean-drama.html",
            "To The Beautiful You: Korean Drama",
            "A Dotted Bug (blog)",
            "Tae-Joon gave her a back hug",
        ),
    ),
    documented(
        "whats-wrong-with-secretary-kim",
        11,
        "Lee Young-joon",
        "Kim Mi-so",
        "Mi-so's hospital room",
        "Mi-so is in hospital after the memory of her childhood kidnapping comes flooding back. Stills for the "
        "episode show Young-joon holding her from behind in her room, and her smiling.",
        ("comfort", "deep-affection", "welcomed"),
        "high",
        SourceFact(
            "http://www.isnews.co.kr/news/articleView.html?idxno=206808",
            "‘김비서가 왜 그럴까’ 박서준-박민영, 애틋 터치→달달 백허그! 미소유발 '병실 스킨십'!",
            "isnews",
            "애틋 터치와 달달 백허그 스틸이 공개돼",
            date(2018, 7, 11),
        ),
        SourceFact(
            "https://m1.etoday.co.kr/view.php?idxno=1640494&trc=m_view_joinnews",
            "Etoday preview of episode 11 (headline not captured)",
            "Etoday",
            "'김비서가 왜 그럴까' 11회는 이날 밤 9시 30분 방송된다",
            date(2018, 7, 11),
        ),
        spoiler=True,  # reveals Mi-so's childhood kidnapping
    ),
    documented(
        "will-it-snow-for-christmas",
        None,
        "Cha Kang-jin",
        "Han Ji-wan",
        "a mountain lodge",
        "Not long after their kiss in the snow, Kang-jin comes up behind Ji-wan at a mountain lodge, holds her and "
        "asks her to marry him.",
        ("commitment",),
        "medium",
        SourceFact(
            "https://hankyung.com/article/2010011408657",
            "올 겨울 '백허그' 유행하나?…한예슬, 고수에 이어 '백허그'",
            "Korea Economic Daily",
            "산장에서 강진은 지완에게 다가서 백허그를 하며 청혼한다",
            date(2010, 1, 14),
        ),
    ),
    documented(
        "will-it-snow-for-christmas",
        12,
        "Han Ji-wan",
        "Cha Kang-jin",
        "Kang-jin's studio",
        "Three years after their families' scandal pulled them apart, Ji-wan visits Kang-jin's studio and "
        "deliberately hugs him tightly from behind, echoing his proposal. Then she laughs it off as a slip: they "
        "agreed they should not do this any more.",
        ("commitment", "tight-squeeze"),
        "high",
        SourceFact(
            "https://hankyung.com/article/2010011408657",
            "올 겨울 '백허그' 유행하나?…한예슬, 고수에 이어 '백허그'",
            "Korea Economic Daily",
            "일부러 강진의 등을 꼭 껴안으며 변치않는 마음을 표현한다",
            date(2010, 1, 14),
        ),
    ),
    documented(
        "womans-comic-shoes",
        1,
        "Oh Tae-soo",
        "Shin Ji-hoo",
        "on a work errand",
        "Out on an errand with the senior she secretly adores, Ji-hoo's new heels give way and she falls, tearing "
        "her skirt. As she tries to slip away in embarrassment, Tae-soo steps in behind her and wraps his arms "
        "around her to hide the tear.",
        ("protection", "surprise-romance"),
        "high",
        SourceFact(
            "https://m.wowtv.co.kr/NewsCenter/AMP/Read?articleId=A201402250152",
            "Korea Economic TV on the premiere of Woman's Comic: Shoes (headline not captured)",
            "Korea Economic TV",
            "오태수는 신지후의 찢어진 치마를 가려주기 위해 백허그를 했다",
            date(2014, 2, 25),
        ),
        SourceFact(
            "https://tenasia.hankyung.com/tv/article/2014022463264",
            "‘여자만화구두’ 1회",
            "TenAsia",
            "오태수는 뒤에서 그를 안아줘",
            date(2014, 2, 24),
        ),
    ),
    documented(
        "youre-all-surrounded",
        9,
        "Eo Soo-sun",
        "Eun Dae-gu",
        "the way home after drinks",
        "Soo-sun is now sure the prickly rookie Dae-gu is Kim Ji-yong, the boy she knew in Masan, who changed his "
        "name after his mother's murder. She promises to keep his secret, then runs after him, hugs him from behind "
        "and, crying, thanks him for growing up so well. Startled at first, he lets her.",
        ("comfort", "deep-affection", "welcomed"),
        "high",
        SourceFact(
            "https://m.ajunews.com/amp/20140606014615920",
            "‘너포위’ 고아라, 이승기에게 백허그 “달달해”",
            "Aju Business Daily",
            "어수선은 은대구에게 달려가 백허그를 하며",
            date(2014, 6, 6),
        ),
        SourceFact(
            "http://www.mediapen.com/news/view/36112",
            "'너희들은포위됐다' 고아라, 이승기 눈물의 '백허그'...러브라인 달아오르나",
            "MediaPen",
            "수선은 돌아가는 대구를 쫓아가 뒤에서 안으며",
        ),
        featured=True,
        spoiler=True,  # reveals Dae-gu's real name and his mother's murder
    ),
)
