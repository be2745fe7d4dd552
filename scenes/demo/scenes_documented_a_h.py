"""
Documented back hugs, dramas 49 Days to The Heirs: each described by the public pages cited with it.

The descriptions are ours, written from what the pages say and no more; the quotes are a few words from each
page so anyone can find the passage. No scene has a time (nobody has timed them against the broadcast), and
only those whose pages name the episode have one.
"""

from datetime import date

from .records import SceneFact, SourceFact, documented

SCENES: tuple[SceneFact, ...] = (
    documented(
        "49-days",
        None,
        "Song Yi-kyung",
        "Han Kang",
        "outside Han Kang's wine bar at night",
        "Han Kang snaps at 'Yi-kyung' for telling him to give up on Ji-hyun, and turns to go. She runs after him "
        "and hugs him from behind without a word: it is Ji-hyun's spirit in Yi-kyung's body. He asks if it is "
        "really her; she cannot answer, only cry.",
        ("deep-affection", "trust-vulnerability"),
        "medium",
        SourceFact(
            "https://mbn.co.kr/news/entertain/1060165",
            "MBN Star Today on 49 Days (headline not captured)",
            "Maeil Business Star Today (MBN)",
            "이경은 갑자기 한강에게 달려가 뒤에서 그를 안았다",
        ),
        SourceFact(
            "http://bntnews.hankyung.com/apps/news?mode=sub_view&popup=0&nid=04&c1=04&c2=01&c3=&nkey=201105121955513",
            "'49일' 한강 \"지현 떠나는 순간까지 포기안해\" 흑기사 조현재 '감동'",
            "bnt News",
            "이경이 갑자기 한강의 등을 포옹",
            date(2011, 5, 12),
        ),
        spoiler=True,  # reveals whose spirit is in Yi-kyung's body
    ),
    documented(
        "a-good-day",
        2,
        "Jung Da-ae",
        "Kang Hyun-bin",
        "the street outside Da-ae's home",
        "Hyun-bin, a divorced dentist raising his son alone, walks Da-ae home and admits he feels he cannot face "
        "her family yet. As he walks away, she runs after him, hugs him from behind and proposes herself: she does "
        "not want to part, they should marry, she will try being a mother to his boy. Her mother sees it all.",
        ("commitment", "surprise-romance"),
        "high",
        SourceFact(
            "https://etoday.co.kr/news/view/907343",
            "Etoday on A Good Day (headline not captured)",
            "Etoday",
            "뛰어가 그를 백허그했다",
        ),
        SourceFact(
            "https://kyeongin.com/article/850584",
            "Kyeongin Ilbo on the same evening's episode (headline not captured)",
            "Kyeongin Ilbo",
            "27일 방송된 SBS 새 주말드라마 '기분 좋은 날'",
        ),
    ),
    documented(
        "the-blade-and-petal",
        16,
        "Mo-seol",
        "Yeon Chung",
        "",
        "Mo-seol has loved Yeon Chung for years and cannot bear how closely he watches the new recruit Mu-young. "
        "After making her report she holds him from behind and demands to know who the girl really is. He "
        "stiffens, says only 'Good work', and leaves her standing there.",
        ("one-sided", "pulls-away", "reluctant"),
        "high",
        SourceFact(
            "https://xportsnews.com/article/360988",
            "Xportsnews on episode 16 of The Blade and Petal (headline not captured)",
            "Xportsnews",
            "마음에 걸려 연충을 뒤에서 안으며",
            date(2013, 8, 22),
        ),
        SourceFact(
            "http://www.osen.co.kr/article/G1109666999",
            "'칼과 꽃' 박수진, 엄태웅에 백허그 \"내 마음 받아줘\"",
            "OSEN",
            "연충을 껴안으며 자신의 마음을 고백한다",
            date(2013, 8, 22),
        ),
    ),
    documented(
        "cunning-single-lady",
        9,
        "Kook Seung-hyun",
        "Na Ae-ra",
        "a company workshop",
        "Seung-hyun finally tells Ae-ra that she is the person his eyes keep going to. She waves it off as pity for "
        "a broke divorcee and turns to leave, so he holds her back with a hug from behind. Her ex-husband Jung-woo "
        "happens to walk past and sees them.",
        ("one-sided", "surprise-romance"),
        "high",
        SourceFact(
            "https://etoday.co.kr/news/view/891047",
            "Etoday on Cunning Single Lady (headline not captured)",
            "Etoday",
            "국승현은 나애라에 다가가 백허그 하며 자신의 마음을 표현했다",
        ),
        SourceFact(
            "https://pickcon.co.kr/m/view.amp.html?catid=21&contid=2014032702141",
            "'앙돌' 서강준, 피아노부터 백허그까지..다리미男 등극!",
            "The Star (PickCon)",
            "당황한 나애라가 돌아서자 박력 있는 백허그로",
            date(2014, 3, 27),
        ),
    ),
    documented(
        "doctor-stranger",
        8,
        "Park Hoon",
        "Oh Soo-hyun",
        "",
        "Soo-hyun is to first-assist on a twins' heart operation and, swallowing her pride, asks her rival Park "
        "Hoon how. He pulls her in from behind, takes her hands in his and walks her through the surgery as an "
        "image-training drill. Her fiancé Jae-joon walks in and separates them.",
        ("surprise-romance", "desire"),
        "high",
        SourceFact(
            "https://tenasia.hankyung.com/article/2014052725344",
            "TenAsia on episode 8 of Doctor Stranger (headline not captured)",
            "TenAsia",
            "박훈은 오수현을 뒤에서 끌어 안고 손을 잡으며",
            date(2014, 5, 27),
        ),
        SourceFact(
            "https://www.newsen.com/news_view.php?uid=201405272237063310",
            "‘닥터이방인’ 이종석 강소라 백허그, 박해진 질투폭발",
            "Newsen",
            "박훈은 오수연의 뒤에 밀착한 채 섰다",
            date(2014, 5, 27),
        ),
    ),
    documented(
        "doctors",
        12,
        "Yoo Hye-jung",
        "Hong Ji-hong",
        "on the way home at night",
        "Hye-jung, who has never known how to comfort anyone, tells Ji-hong she wants to be part of his life, and "
        "they kiss. As they part for the night she turns back and hugs him from behind: the episode's last step in "
        "her straight-ahead confession.",
        ("deep-affection", "surprise-romance"),
        "high",
        SourceFact(
            "https://www.stardailynews.co.kr/news/articleView.html?idxno=105629",
            "'닥터스' 박신혜의 직진 '고백-입맞춤-백허그' 3단콤보",
            "Star Daily News",
            "박신혜의 직진 '고백-입맞춤-백허그' 3단콤보",
            date(2016, 7, 27),
        ),
        SourceFact(
            "https://www.cosmo.ph/entertainment/different-types-of-k-drama-hugs-a655-20190511-lfrm",
            "The 5 Different Types Of K-Drama Hugs",
            "Cosmopolitan Philippines",
            "gave Hong Ji Hong (Kim Rae Won) a back hug",
            date(2019, 5, 11),
        ),
    ),
    documented(
        "doctors",
        18,
        "Hong Ji-hong",
        "Yoo Hye-jung",
        "",
        "To keep the hospital director from ruining Hye-jung, Ji-hong has agreed to leave surgery for the research "
        "centre. He visits her after their argument, mentions the move as if it were nothing, and hugs her from "
        "behind with a warm smile, keeping the reason to himself.",
        ("protection", "deep-affection"),
        "high",
        SourceFact(
            "https://bbs.krdrama.com/thread-589079-104-1.html",
            "김래원, 희생 숨긴 채 박신혜에 '뜨거운 백허그'",
            "SBS funE (reposted on a fan forum)",
            "혜정에게 백허그를 선사하고는 따뜻하게 웃는 지홍의 모습",
            date(2016, 8, 22),
        ),
    ),
    documented(
        "emergency-couple",
        None,
        "Oh Chang-min",
        "Oh Jin-hee",
        "",
        "Chang-min suddenly holds his ex-wife from behind and asks her to stay by his side. The making-of video "
        "shows how hard the scene was to shoot: Song Ji-hyo burst out laughing at the line take after take.",
        ("commitment", "surprise-romance"),
        "medium",
        SourceFact(
            "http://www.koogle.tv/media/news/song-ji-hyo-and-choi-jin-hyuk-cant-stop-laughing-in-emergency-couple-making-video-1/",
            "Song Ji Hyo and Choi Jin Hyuk can't stop laughing in 'Emergency Couple' making video",
            "Koogle TV",
            "Choi Jin Hyuk embraces Song Ji Hyo in a back hug",
            date(2014, 3, 14),
        ),
        SourceFact(
            "http://esthersone.blogspot.com/2014/03/song-ji-hyo-and-choi-jin-hyuk-cant-stop.html",
            "Song Ji Hyo and Choi Jin Hyuk can't stop laughing in 'Emergency Couple' making video",
            "Esther's One (blog)",
            "As Choi Jin Hyuk suddenly hugged her from behind",
            date(2014, 3, 14),
        ),
    ),
    documented(
        "extraordinary-attorney-woo",
        11,
        "Lee Jun-ho",
        "Woo Young-woo",
        "a roadside, moments after a fatal crash",
        "Young-woo panics after witnessing a deadly car crash and starts hitting her own head. Jun-ho catches her "
        "hands and calms her by holding her from behind. In the making-of, the actors settle on the back hug "
        "because a hug from the front looked wrong for a moment of care.",
        ("comfort", "protection"),
        "high",
        SourceFact(
            "https://www.jazminemedia.com/2022/08/the-behind-the-scenes-of-park-eun-bin-and-kang-tae-oh/",
            "This Behind-The-Scenes Video Of Park Eun Bin And Kang Tae Oh Rehearsing For Their Famous Back Hug "
            "Will Melt Your Heart",
            "Jazmine Media",
            "Eventually, they decide on a back hug",
        ),
        SourceFact(
            "https://www.soompi.com/article/1540091wpp/watch-park-eun-bin-and-kang-tae-oh-cant-stop-laughing-while-rehearsing-their-back-hug-scene-for-extraordinary-attorney-woo",
            "Watch: Park Eun Bin And Kang Tae Oh Can't Stop Laughing While Rehearsing Their Back Hug",
            "Soompi",
            "Kang Tae Oh hugging Park Eun Bin from behind",
        ),
        featured=True,
    ),
    documented(
        "girl-who-sees-smells",
        None,
        "Oh Cho-rim",
        "Choi Moo-gak",
        "",
        "Cho-rim is the one who reaches for the numb detective Moo-gak and hugs him from behind: one of the "
        "heroine-initiated back hugs fans single out.",
        ("deep-affection",),
        "medium",
        SourceFact(
            "https://www.kdramastars.com/articles/83399/20150505/our-top-ten-k-drama-back-hug-scenes-part-two.htm",
            "Our Top Ten K-Drama Back Hug Scenes: Part Two",
            "KDramaStars",
            "Shin Se Kyung gave Park Yoo Chun a back hug",
            date(2015, 5, 5),
        ),
    ),
    documented(
        "golden-rainbow",
        17,
        "Seo Do-young",
        "Kim Baek-won",
        "a lookout over the city at night",
        "Do-young fakes memory lapses so that Baek-won will drive him out to see the city lights. When she gives "
        "him her padded jacket because he grumbles about the cold, he uses the cold as his excuse to hold her from "
        "behind, and says the lights comfort him, thinking of people one cannot see; he stops short of naming her "
        "lost sister.",
        ("deep-affection", "comfort"),
        "high",
        SourceFact(
            "https://xportsnews.com/article_nview/403284",
            "'황금무지개' 정일우, 유이에 백허그 \"얼마나 가까워질지 기대돼\"",
            "Xportsnews",
            "서도영은 추위를 핑계로 김백원을 뒤에서 끌어안았다",
            date(2013, 12, 28),
        ),
    ),
    documented(
        "the-greatest-love",
        9,
        "Dokko Jin",
        "Gu Ae-jung",
        "Dokko Jin's house",
        "Jin has just announced he no longer likes her, and now Ae-jung cannot stay away: she asks him for ten "
        "seconds, to see whether his heart monitor leaves its safe range, and holds him. He pulls her in, then, "
        "holding her from behind, tries to steer her towards the bed; she freezes, and he lets her go and tells "
        "her to leave if she is going to be this awkward. His heart rate never moves, which confuses him more.",
        ("desire", "pulls-away"),
        "high",
        SourceFact(
            "https://xportsnews.com/article/171816",
            "Xportsnews on The Greatest Love (headline not captured)",
            "Xportsnews",
            "독고진은 구애정을 끌어안더니 이어 백허그를 한 채",
        ),
        SourceFact(
            "https://www2.edaily.co.kr/News/Read?mediaCodeNo=258&newsId=01111926596277784",
            "Edaily on episode 9 of The Greatest Love (headline not captured)",
            "Edaily",
            "`최고의 사랑`(극본 홍정은 홍미란, 연출 박홍균 이동윤) 9회에서는",
        ),
    ),
    documented(
        "happy-ending",
        10,
        "Kim Doo-soo",
        "Yang Sun-ah",
        "the yard of the family home at night",
        "Doo-soo has hidden his terminal illness from his wife, and Sun-ah has hidden that she found out. Waking "
        "in pain, he finds her cancer books and goes out to where she sits alone; she composes her face, and he "
        "comes up behind her, holds her and keeps saying he is sorry.",
        ("comfort", "trust-vulnerability"),
        "high",
        SourceFact(
            "http://www.honestnews.co.kr/xe/index.php?mid=board2&search_target=tag&search_keyword=%EC%B5%9C%EB%AF%BC%EC%88%98+%EC%8B%AC%ED%98%9C%EC%A7%84&document_srl=268745",
            "Honest News on Happy Ending episode 10 (headline not captured)",
            "Honest News",
            "두수는 선아의 뒤편으로 다가가 뜨겁게 아내를 끌어안았다",
        ),
        spoiler=True,  # reveals the husband's terminal illness
    ),
    documented(
        "healer",
        15,
        "Seo Jung-hoo",
        "Chae Young-shin",
        "Jung-hoo's hideout",
        "After their tearful kiss, Young-shin tends the wound on Jung-hoo's arm. He holds her from behind and cannot "
        "take his eyes off her, then touches her hair as if to make sure the moment is real.",
        ("deep-intimacy", "deep-affection"),
        "high",
        SourceFact(
            "https://www.hellokpop.com/tv-movies/ji-chang-wook-park-min-young-share-back-hug-healer/",
            "Ji Chang Wook and Park Min Young Share Back Hug in “Healer”",
            "Hellokpop",
            "Jung Hoo embraces Young Shin from behind",
        ),
    ),
    documented(
        "the-heirs",
        None,
        "Kim Tan",
        "Cha Eun-sang",
        "",
        "Stills released on the day of broadcast preview an emotional embrace in which Tan holds Eun-sang from "
        "behind; the production said the back hug runs for about a minute on screen.",
        ("lingering",),
        "medium",
        SourceFact(
            "https://crazy9drama.wordpress.com/2013/11/07/drama-news-lee-min-ho-backhugs-park-shin-hye-in-the-heirs/",
            "[Drama News] Lee Min Ho Backhugs Park Shin Hye in The Heirs",
            "Crazy9Drama (blog)",
            "gives her a back-hug which last for one minute",
            date(2013, 11, 7),
        ),
    ),
)
