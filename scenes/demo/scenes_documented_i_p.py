"""
Documented back hugs, dramas I Hear Your Voice to Protect the Boss: each described by the pages cited with it.

As in scenes_documented_a_h: our own descriptions, short quotes to find the passage, no times, and an episode
only where a page names it.
"""

from datetime import date

from .records import SceneFact, SourceFact, documented

SCENES: tuple[SceneFact, ...] = (
    documented(
        "i-hear-your-voice",
        12,
        "Park Soo-ha",
        "Jang Hye-sung",
        "",
        "Soo-ha has just got his memory back and finds Hye-sung worrying about him before herself. He holds her "
        "tightly from behind and cries, and she reaches up to stroke his hair: the last scene of episode 12.",
        ("trust-vulnerability", "mutual", "tight-squeeze"),
        "high",
        SourceFact(
            "https://www.newdaily.co.kr/site/data/html/2013/07/13/2013071300025.html",
            "New Daily on Lee Jong-suk in I Hear Your Voice (headline not captured)",
            "New Daily",
            "이보영을 뒤에서 꼭 끌어 않고 눈물을 흘리고",
            date(2013, 7, 13),
        ),
        spoiler=True,  # Soo-ha's memory coming back, the end of episode 12
    ),
    documented(
        "love-rain",
        None,
        "Seo Joon",
        "Jung Ha-na",
        "",
        "Seo Joon sneaks up on Ha-na, covers her eyes with his hands, then settles in behind her for a back hug: a "
        "happy moment for a couple whose parents' old love story stands in their way.",
        ("surprise-romance", "deep-affection"),
        "medium",
        SourceFact(
            "https://www.kdramastars.com/articles/83399/20150505/our-top-ten-k-drama-back-hug-scenes-part-two.htm",
            "Our Top Ten K-Drama Back Hug Scenes: Part Two",
            "KDramaStars",
            "snuggles in for a back hug",
            date(2015, 5, 5),
        ),
    ),
    documented(
        "love-rain",
        14,
        "Jung Ha-na",
        "Seo Joon",
        "",
        "Ha-na's mother is about to marry Joon's father, which would make the two of them family. When Joon takes "
        "her hand and says they should go and face everyone together, Ha-na stops him and holds him from behind, "
        "and Joon, who always claimed love was no big deal, breaks down in tears.",
        ("commitment", "trust-vulnerability"),
        "high",
        SourceFact(
            "https://m.ilyosisa.co.kr/mobile/article.html?no=18156",
            '윤아 백허그에 장근석 울다! "사랑하는 사람 있어요"',
            "Ilyo Sisa",
            "서준(장근석 분)은 정하나(윤아 분)의 백허그에 눈물을 보였다",
            date(2012, 5, 9),
        ),
        SourceFact(
            "http://homoludentic.tistory.com/2012?category=398999",
            "[본방사수] '사랑비' 장근석, 등 뒤에서 우는 윤아 뒤돌아 안을까?!",
            "Ohfun (blog repost)",
            "장근석에게 뛰어와 그의 등에 기댄 윤아",
            date(2012, 5, 8),
        ),
        featured=True,
    ),
    documented(
        "love-your-enemy",
        None,
        "Yoon Ji-won",
        "Seok Ji-won",
        "a kitchen, by the kimchi fridge",
        "Stills released before the premiere: Ji-won cheerfully hugs a broad back bent over a kimchi fridge, "
        "chatting away, until the man straightens up and turns out to be her lifelong enemy, the other Ji-won. "
        "Both freeze.",
        ("surprise-romance",),
        "low",
        SourceFact(
            "https://sports.donga.com/ent/article/all/20241121/130475109/1",
            "주지훈♥정유미 백허그 포착, 원수라면서 뭐하는 짓? (사외다)",
            "Sports Donga",
            "김치냉장고를 열고 있는 누군가의 등을 다정하게 끌어안는다",
            date(2024, 11, 21),
        ),
        SourceFact(
            "https://asiaartistawards.com/news/detail/111701/article",
            "정유미, 주지훈과 원수라더니..기습 백허그 '두근' [사외다]",
            "Asia Artist Awards News",
            "윤지원이 안은 남자가 철천지원수 석지원(주지훈 분)이었던 것",
            date(2024, 11, 21),
        ),
    ),
    documented(
        "mary-stayed-out-all-night",
        None,
        "Byun Jung-in",
        "Wi Mae-ri",
        "",
        "Jung-in, the heir Mae-ri's father promised her to, makes a last, gentle attempt to win her over with a hug "
        "from behind. It does not change her mind: she stays with the musician Mu-gyul.",
        ("one-sided", "deep-affection"),
        "medium",
        SourceFact(
            "https://www.kdramastars.com/articles/83399/20150505/our-top-ten-k-drama-back-hug-scenes-part-two.htm",
            "Our Top Ten K-Drama Back Hug Scenes: Part Two",
            "KDramaStars",
            "she also got a really tender back hug",
            date(2015, 5, 5),
        ),
        spoiler=True,  # tells whom Mae-ri ends up with
    ),
    documented(
        "my-daughter-seo-young",
        None,
        "Lee Sang-woo",
        "Choi Ho-jung",
        "Sang-woo's family home",
        "Ho-jung turns up with armfuls of food to thank Sang-woo for taking her in the night before, and ends up "
        "with a stomach ache at dinner. Sang-woo, a medical student, suddenly wraps his arms around her from behind "
        "and squeezes, saying that is what you do for an upset stomach. She turns bright red.",
        ("surprise-romance", "tight-squeeze"),
        "medium",
        SourceFact(
            "http://www.osen.co.kr/article/G1109470867",
            "OSEN on My Daughter Seo-young (headline not captured)",
            "OSEN",
            "갑자기 호정을 뒤에서 끌어안으며 “배탈 나면 이렇게 하는 거야”",
        ),
        SourceFact(
            "http://homoludentic.tistory.com/6944?category=428151",
            "내딸서영이, 박해진 백허그에 최윤영 '꽁닥꽁닥'!",
            "Ohfun (blog repost)",
            "박해진이 거침없는 공식 백허그를 선보이며",
        ),
    ),
    documented(
        "my-love-from-the-star",
        8,
        "Do Min-joon",
        "Cheon Song-yi",
        "Min-joon's flat",
        "Staying at Min-joon's, Song-yi insists on helping with the housework and breaks a bowl he has kept since "
        "the 1600s, then a priceless piece of porcelain. Before she can wreck anything else he catches her from "
        "behind and begs her to stay still and do nothing at all. She is left flustered.",
        ("surprise-romance", "welcomed"),
        "high",
        SourceFact(
            "https://www.newscj.com/news/articleView.html?idxno=221862",
            "‘별에서 온 그대’ 김수현 전지현 백허그 “완전 반전?”",
            "Cheonji Ilbo",
            "천송이의 뒤에서 그를 붙잡고 본의 아닌 백허그를 선보였다",
        ),
        SourceFact(
            "https://sports.chosun.com/amp/article.amp.htm?ServiceDate=20140110&id=201401110100098390005951",
            "Sports Chosun on episode 8 of My Love from the Star (headline not captured)",
            "Sports Chosun",
            "도민준은 천송이를 뒤에서 안으며",
            date(2014, 1, 10),
        ),
        featured=True,
    ),
    documented(
        "my-youth",
        None,
        "Sung Je-yeon",
        "Sunwoo Hae",
        "",
        "Stills for the following episodes show Je-yeon, eyes glistening, wrapping her arms around Sunwoo Hae from "
        "behind, and him standing frozen at the sudden embrace.",
        ("surprise-romance",),
        "medium",
        SourceFact(
            "https://www.kpopangel.com/news/chun-woo-hees-unexpected-back-hug-leaves-song-joong-ki-frozen-in-my-youth",
            "Chun Woo Hee’s Unexpected Back Hug Leaves Song Joong Ki Frozen In “My Youth”",
            "KpopAngel",
            "wrapping her arms around Sunwoo Hae in a back hug",
            date(2025, 9, 11),
        ),
    ),
    documented(
        "pasta",
        17,
        "Seo Yoo-kyung",
        "Choi Hyun-wook",
        "La Sfera's kitchen",
        "Hyun-wook has walked out of La Sfera's kitchen so that Yoo-kyung can stay. When she finally gets his "
        "ginseng pasta right, she wraps her arms around him from behind and tells him she does not want to be there "
        "without him: her way of bringing the chef back.",
        ("commitment", "deep-affection"),
        "high",
        SourceFact(
            "http://couch-kimchi.com/2010/11/23/adding-another-kdrama-staple-back-hug/",
            "adding another Kdrama staple: BACK HUG",
            "Couch Kimchi",
            "used it as a way to convince Chef to go back",
            date(2010, 11, 23),
        ),
        SourceFact(
            "https://www.kdramastars.com/articles/83399/20150505/our-top-ten-k-drama-back-hug-scenes-part-two.htm",
            "Our Top Ten K-Drama Back Hug Scenes: Part Two",
            "KDramaStars",
            "She says she does not want to be there without him",
            date(2015, 5, 5),
        ),
        featured=True,
    ),
    documented(
        "princess-hours",
        None,
        "Shin Chae-kyung",
        "Lee Shin",
        "",
        "Already married to the crown prince by an old family arrangement, Chae-kyung realises she has fallen for "
        "her distant husband and hugs him from behind: the first of two back hugs she gives him.",
        ("deep-affection", "trust-vulnerability"),
        "medium",
        SourceFact(
            "https://www.kdramastars.com/articles/83399/20150505/our-top-ten-k-drama-back-hug-scenes-part-two.htm",
            "Our Top Ten K-Drama Back Hug Scenes: Part Two",
            "KDramaStars",
            "she also back-hugs him twice",
            date(2015, 5, 5),
        ),
    ),
    documented(
        "protect-the-boss",
        None,
        "Noh Eun-seol",
        "Cha Ji-heon",
        "outside Eun-seol's home",
        "Suspended at work over a leaked document, Eun-seol sees Ji-heon turn away after finding her with his "
        "cousin. She runs after him, throws her arms around him from behind in tears and begs his forgiveness. He "
        "stands still and says nothing, and that night tells her he wants to put their romance on hold.",
        ("trust-vulnerability", "tight-squeeze"),
        "medium",
        SourceFact(
            "https://www5.ajunews.com/view/20110922000379",
            "Aju Business Daily on Protect the Boss (headline not captured)",
            "Aju Business Daily",
            "차지헌을 발견하고는 뒤에서 와락 끌어안았다",
            date(2011, 9, 22),
        ),
        SourceFact(
            "https://pickcon.co.kr/m/view.html?contid=2011092201281&query=%EB%85%B8%EC%9D%80%EC%84%A4",
            "최강희 백허그에도 불구, 지성 \"나 노은설과 연애 휴업할래\"…가슴 아픈 '선언'",
            "The Star (PickCon)",
            "돌아선 차지헌을 보고 달려가 눈물의 백허그를 했다",
            date(2011, 9, 22),
        ),
    ),
)
