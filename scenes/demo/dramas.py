"""
The dramas of the demo catalogue and their main characters.

What was checked, and against what (November 2026). shared/data/dramas.csv and characters.csv were the
starting point; they are unverified, so each fact used here was checked against public pages found with
the search tool: encyclopedia entries, drama wikis, Korean and English entertainment news, episode recaps.
- Checked against pages: Love Rain (KBS2, 26 Mar-29 May 2012, 20 episodes, the dual roles), The Heirs
  (SBS, Oct-Dec 2013, 20 episodes, title, cast), Girl Who Sees Smells (SBS, from 1 Apr 2015, 16 episodes,
  cast), I Hear Your Voice (SBS, 5 Jun-1 Aug 2013, 18 episodes, cast), Reply 1997 (tvN, 24 Jul-18 Sep
  2012, 16 episodes, cast), Signal (tvN, 22 Jan-12 Mar 2016, 16 episodes, cast), Coffee Prince (MBC,
  2007, 17 episodes, title, cast), Boys Over Flowers (KBS2, Jan-Mar 2009, 25 episodes, cast), Descendants
  of the Sun (KBS2, 2016, 16 episodes, cast); the casts of Secret Garden, Goblin and What's Wrong with
  Secretary Kim, with their networks and years.
- Checked in December 2026, for the documented scenes: My Love from the Star (SBS, 18 December 2013-27
  February 2014, 21 episodes), Healer (KBS2, 8 December 2014-10 February 2015, 20 episodes), What's Wrong
  with Secretary Kim (tvN, 6 June-26 July 2018, 16 episodes), Reply 1988 (tvN, from 6 November 2015, 20
  episodes), Strong Woman Do Bong-soon (JTBC, from 24 February 2017). All agreed with what was here.
- Not looked up; they agree with the CSV and with general reference knowledge, but are less certain: the
  episode counts of Secret Garden and Goblin, and all facts of Crash Landing on You, It's Okay, That's Love,
  Oh My Venus, Full House and Pinocchio, and the episode count of Strong Woman Do Bong-soon.
Corrections against the CSV:
- The Heirs: the Hangul title has a comma: 왕관을 쓰려는 자, 그 무게를 견뎌라 – 상속자들.
- Love Rain: the CSV merged each dual role into one character ("Seo In-ha / Seo Joon"). The drama is set
  in the 1970s (episodes 1-4) and in 2012 (from episode 5), the leads playing parents and then children,
  so they are separate characters here: Seo In-ha and Kim Yoon-hee (1970s), Seo Joon and Jung Ha-na
  (2012). Kim Si-hoo's Lee Dong-wook is the 1970s friend, not to be confused with the actor Lee Dong-wook
  (Goblin's Grim Reaper). Added: Han Tae-sung (Kim Young-kwang), Ha-na's college senior in 2012.
- Girl Who Sees Smells: the heroine goes by her adoptive name Oh Cho-rim (born Choi Eun-seol); added the
  profiler Yeom Mi (Yoon Jin-seo).
- I Hear Your Voice was planned for 16 episodes (some pages still say so) and extended to 18.
- Added supporting characters used in scenes: Seo Do-yeon (Lee Da-hee) in I Hear Your Voice; Yoon
  Tae-woong (Song Jong-ho), Mo Yoo-jung (Shin So-yul) and Do Hak-chan (Eun Ji-won) in Reply 1997; Yoon Seul
  (Kim Sa-rang) in Secret Garden; Han Yoo-joo (Chae Jung-an) in Coffee Prince.
Actors who appear in several dramas (Lee Min-ho, Gong Yoo, Hyun Bin, Kim Ji-won, Yoon Sang-hyun,
Kim Hyun-joong, Park Shin-hye, Lee Jong-suk, Park Min-young, Song Hye-kyo...) are written identically
everywhere: the loader keys actors on the slug of the romanised name, so each is one row, and the data
checks refuse the same name with two different Hangul spellings.
"""

from .records import CharacterFact, DramaFact

FEMALE_LEAD, MALE_LEAD = "female_lead", "male_lead"
SECOND_FEMALE, SECOND_MALE = "second_female_lead", "second_male_lead"
SUPPORTING = "supporting"


def she(name: str, actor: str, hangul: str, role: str) -> CharacterFact:
    return CharacterFact(name, actor, hangul, "female", role)


def he(name: str, actor: str, hangul: str, role: str) -> CharacterFact:
    return CharacterFact(name, actor, hangul, "male", role)


DRAMAS: tuple[DramaFact, ...] = (
    # --- the six spotlight dramas -------------------------------------------------------------------
    DramaFact(
        slug="love-rain",
        title="Love Rain",
        hangul_title="사랑비",
        other_titles="",
        year=2012,
        network="KBS2",
        episodes=20,
        characters=(
            he("Seo In-ha", "Jang Keun-suk", "장근석", MALE_LEAD),
            she("Kim Yoon-hee", "Im Yoon-ah", "임윤아", FEMALE_LEAD),
            he("Lee Dong-wook", "Kim Si-hoo", "김시후", SECOND_MALE),
            he("Seo Joon", "Jang Keun-suk", "장근석", MALE_LEAD),
            she("Jung Ha-na", "Im Yoon-ah", "임윤아", FEMALE_LEAD),
            he("Han Tae-sung", "Kim Young-kwang", "김영광", SECOND_MALE),
        ),
    ),
    DramaFact(
        slug="the-heirs",
        title="The Heirs",
        hangul_title="왕관을 쓰려는 자, 그 무게를 견뎌라 – 상속자들",
        other_titles="Heirs; The Inheritors",
        year=2013,
        network="SBS",
        episodes=20,
        characters=(
            he("Kim Tan", "Lee Min-ho", "이민호", MALE_LEAD),
            she("Cha Eun-sang", "Park Shin-hye", "박신혜", FEMALE_LEAD),
            he("Choi Young-do", "Kim Woo-bin", "김우빈", SECOND_MALE),
            she("Rachel Yoo", "Kim Ji-won", "김지원", SECOND_FEMALE),
        ),
    ),
    DramaFact(
        slug="girl-who-sees-smells",
        title="Girl Who Sees Smells",
        hangul_title="냄새를 보는 소녀",
        other_titles="Sensory Couple; The Girl Who Sees Smells",
        year=2015,
        network="SBS",
        episodes=16,
        characters=(
            he("Choi Moo-gak", "Park Yoo-chun", "박유천", MALE_LEAD),
            she("Oh Cho-rim", "Shin Se-kyung", "신세경", FEMALE_LEAD),
            he("Kwon Jae-hee", "Nam Goong-min", "남궁민", SUPPORTING),
            she("Yeom Mi", "Yoon Jin-seo", "윤진서", SUPPORTING),
        ),
    ),
    DramaFact(
        slug="i-hear-your-voice",
        title="I Hear Your Voice",
        hangul_title="너의 목소리가 들려",
        other_titles="I Can Hear Your Voice",
        year=2013,
        network="SBS",
        episodes=18,
        characters=(
            she("Jang Hye-sung", "Lee Bo-young", "이보영", FEMALE_LEAD),
            he("Park Soo-ha", "Lee Jong-suk", "이종석", MALE_LEAD),
            he("Cha Gwan-woo", "Yoon Sang-hyun", "윤상현", SECOND_MALE),
            she("Seo Do-yeon", "Lee Da-hee", "이다희", SECOND_FEMALE),
        ),
    ),
    DramaFact(
        slug="reply-1997",
        title="Reply 1997",
        hangul_title="응답하라 1997",
        other_titles="Answer Me 1997",
        year=2012,
        network="tvN",
        episodes=16,
        characters=(
            she("Sung Shi-won", "Jung Eun-ji", "정은지", FEMALE_LEAD),
            he("Yoon Yoon-jae", "Seo In-guk", "서인국", MALE_LEAD),
            he("Yoon Tae-woong", "Song Jong-ho", "송종호", SECOND_MALE),
            he("Kang Joon-hee", "Hoya", "호야", SUPPORTING),
            he("Bang Sung-jae", "Lee Si-eon", "이시언", SUPPORTING),
            she("Mo Yoo-jung", "Shin So-yul", "신소율", SUPPORTING),
            he("Do Hak-chan", "Eun Ji-won", "은지원", SUPPORTING),
        ),
    ),
    DramaFact(
        slug="signal",
        title="Signal",
        hangul_title="시그널",
        other_titles="",
        year=2016,
        network="tvN",
        episodes=16,
        characters=(
            he("Park Hae-young", "Lee Je-hoon", "이제훈", MALE_LEAD),
            she("Cha Soo-hyun", "Kim Hye-soo", "김혜수", FEMALE_LEAD),
            he("Lee Jae-han", "Cho Jin-woong", "조진웅", MALE_LEAD),
        ),
    ),
    # --- more dramas known for back hugs ------------------------------------------------------------
    DramaFact(
        slug="secret-garden",
        title="Secret Garden",
        hangul_title="시크릿 가든",
        other_titles="",
        year=2010,
        network="SBS",
        episodes=20,
        characters=(
            he("Kim Joo-won", "Hyun Bin", "현빈", MALE_LEAD),
            she("Gil Ra-im", "Ha Ji-won", "하지원", FEMALE_LEAD),
            he("Oska", "Yoon Sang-hyun", "윤상현", SECOND_MALE),
            she("Yoon Seul", "Kim Sa-rang", "김사랑", SECOND_FEMALE),
        ),
    ),
    DramaFact(
        slug="coffee-prince",
        title="Coffee Prince",
        hangul_title="커피프린스 1호점",
        other_titles="The 1st Shop of Coffee Prince",
        year=2007,
        network="MBC",
        episodes=17,
        characters=(
            he("Choi Han-kyul", "Gong Yoo", "공유", MALE_LEAD),
            she("Go Eun-chan", "Yoon Eun-hye", "윤은혜", FEMALE_LEAD),
            he("Choi Han-sung", "Lee Sun-kyun", "이선균", SECOND_MALE),
            she("Han Yoo-joo", "Chae Jung-an", "채정안", SECOND_FEMALE),
        ),
    ),
    DramaFact(
        slug="boys-over-flowers",
        title="Boys Over Flowers",
        hangul_title="꽃보다 남자",
        other_titles="Boys Before Flowers",
        year=2009,
        network="KBS2",
        episodes=25,
        characters=(
            he("Gu Jun-pyo", "Lee Min-ho", "이민호", MALE_LEAD),
            she("Geum Jan-di", "Ku Hye-sun", "구혜선", FEMALE_LEAD),
            he("Yoon Ji-hoo", "Kim Hyun-joong", "김현중", SECOND_MALE),
        ),
    ),
    DramaFact(
        slug="playful-kiss",
        title="Playful Kiss",
        hangul_title="장난스런 키스",
        other_titles="Mischievous Kiss",
        year=2010,
        network="MBC",
        episodes=16,
        characters=(
            he("Baek Seung-jo", "Kim Hyun-joong", "김현중", MALE_LEAD),
            she("Oh Ha-ni", "Jung So-min", "정소민", FEMALE_LEAD),
        ),
    ),
    DramaFact(
        slug="goblin",
        title="Goblin",
        hangul_title="쓸쓸하고 찬란하神 – 도깨비",
        other_titles="Guardian: The Lonely and Great God",
        year=2016,
        network="tvN",
        episodes=16,
        characters=(
            he("Kim Shin", "Gong Yoo", "공유", MALE_LEAD),
            she("Ji Eun-tak", "Kim Go-eun", "김고은", FEMALE_LEAD),
            he("Grim Reaper", "Lee Dong-wook", "이동욱", SECOND_MALE),
            she("Sunny", "Yoo In-na", "유인나", SECOND_FEMALE),
        ),
    ),
    DramaFact(
        slug="descendants-of-the-sun",
        title="Descendants of the Sun",
        hangul_title="태양의 후예",
        other_titles="",
        year=2016,
        network="KBS2",
        episodes=16,
        characters=(
            he("Yoo Si-jin", "Song Joong-ki", "송중기", MALE_LEAD),
            she("Kang Mo-yeon", "Song Hye-kyo", "송혜교", FEMALE_LEAD),
            he("Seo Dae-young", "Jin Goo", "진구", SECOND_MALE),
            she("Yoon Myung-ju", "Kim Ji-won", "김지원", SECOND_FEMALE),
        ),
    ),
    DramaFact(
        slug="crash-landing-on-you",
        title="Crash Landing on You",
        hangul_title="사랑의 불시착",
        other_titles="",
        year=2019,
        network="tvN",
        episodes=16,
        characters=(
            he("Ri Jeong-hyeok", "Hyun Bin", "현빈", MALE_LEAD),
            she("Yoon Se-ri", "Son Ye-jin", "손예진", FEMALE_LEAD),
            she("Seo Dan", "Seo Ji-hye", "서지혜", SECOND_FEMALE),
            he("Gu Seung-jun", "Kim Jung-hyun", "김정현", SECOND_MALE),
        ),
    ),
    DramaFact(
        slug="its-okay-thats-love",
        title="It's Okay, That's Love",
        hangul_title="괜찮아, 사랑이야",
        other_titles="",
        year=2014,
        network="SBS",
        episodes=16,
        characters=(
            he("Jang Jae-yeol", "Zo In-sung", "조인성", MALE_LEAD),
            she("Ji Hae-soo", "Gong Hyo-jin", "공효진", FEMALE_LEAD),
        ),
    ),
    DramaFact(
        slug="healer",
        title="Healer",
        hangul_title="힐러",
        other_titles="",
        year=2014,
        network="KBS2",
        episodes=20,
        characters=(
            he("Seo Jung-hoo", "Ji Chang-wook", "지창욱", MALE_LEAD),
            she("Chae Young-shin", "Park Min-young", "박민영", FEMALE_LEAD),
        ),
    ),
    DramaFact(
        slug="oh-my-venus",
        title="Oh My Venus",
        hangul_title="오 마이 비너스",
        other_titles="",
        year=2015,
        network="KBS2",
        episodes=16,
        characters=(
            he("Kim Young-ho", "So Ji-sub", "소지섭", MALE_LEAD),
            she("Kang Joo-eun", "Shin Min-a", "신민아", FEMALE_LEAD),
        ),
    ),
    DramaFact(
        slug="strong-woman-do-bong-soon",
        title="Strong Woman Do Bong-soon",
        hangul_title="힘쎈여자 도봉순",
        other_titles="",
        year=2017,
        network="JTBC",
        episodes=16,
        characters=(
            she("Do Bong-soon", "Park Bo-young", "박보영", FEMALE_LEAD),
            he("Ahn Min-hyuk", "Park Hyung-sik", "박형식", MALE_LEAD),
            he("In Guk-doo", "Ji Soo", "지수", SECOND_MALE),
        ),
    ),
    DramaFact(
        slug="whats-wrong-with-secretary-kim",
        title="What's Wrong with Secretary Kim",
        hangul_title="김비서가 왜 그럴까",
        other_titles="",
        year=2018,
        network="tvN",
        episodes=16,
        characters=(
            he("Lee Young-joon", "Park Seo-joon", "박서준", MALE_LEAD),
            she("Kim Mi-so", "Park Min-young", "박민영", FEMALE_LEAD),
        ),
    ),
    DramaFact(
        slug="full-house",
        title="Full House",
        hangul_title="풀하우스",
        other_titles="",
        year=2004,
        network="KBS2",
        episodes=16,
        characters=(
            he("Lee Young-jae", "Rain", "비", MALE_LEAD),
            she("Han Ji-eun", "Song Hye-kyo", "송혜교", FEMALE_LEAD),
        ),
    ),
    DramaFact(
        slug="my-love-from-the-star",
        title="My Love from the Star",
        hangul_title="별에서 온 그대",
        other_titles="You Who Came from the Stars",
        year=2013,
        network="SBS",
        episodes=21,
        characters=(
            he("Do Min-joon", "Kim Soo-hyun", "김수현", MALE_LEAD),
            she("Cheon Song-yi", "Jun Ji-hyun", "전지현", FEMALE_LEAD),
            he("Lee Hwi-kyung", "Park Hae-jin", "박해진", SECOND_MALE),
        ),
    ),
    DramaFact(
        slug="reply-1988",
        title="Reply 1988",
        hangul_title="응답하라 1988",
        other_titles="Answer Me 1988",
        year=2015,
        network="tvN",
        episodes=20,
        characters=(
            she("Sung Deok-sun", "Lee Hye-ri", "이혜리", FEMALE_LEAD),
            he("Choi Taek", "Park Bo-gum", "박보검", MALE_LEAD),
            he("Kim Jung-hwan", "Ryu Jun-yeol", "류준열", SECOND_MALE),
        ),
    ),
    DramaFact(
        slug="pinocchio",
        title="Pinocchio",
        hangul_title="피노키오",
        other_titles="",
        year=2014,
        network="SBS",
        episodes=20,
        characters=(
            he("Choi Dal-po", "Lee Jong-suk", "이종석", MALE_LEAD),
            she("Choi In-ha", "Park Shin-hye", "박신혜", FEMALE_LEAD),
        ),
    ),
)
