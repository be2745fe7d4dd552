"""
Dramas added for the documented back hugs, titles L to Z, with the characters those scenes need.

Each fact was checked against public pages found with the search tool (December 2026), noted per drama.
"""

from .dramas import FEMALE_LEAD, MALE_LEAD, SECOND_MALE, SUPPORTING, he, she
from .records import DramaFact

DRAMAS: tuple[DramaFact, ...] = (
    # 사랑은 외나무다리에서. tvN, from 23 November 2024, 12 episodes (Sports Donga, Pinkvilla, a review blog).
    DramaFact(
        slug="love-your-enemy",
        title="Love Your Enemy",
        hangul_title="사랑은 외나무다리에서",
        other_titles="",
        year=2024,
        network="tvN",
        episodes=12,
        characters=(
            he("Seok Ji-won", "Joo Ji-hoon", "주지훈", MALE_LEAD),
            she("Yoon Ji-won", "Jung Yu-mi", "정유미", FEMALE_LEAD),
        ),
    ),
    # 매리는 외박중. KBS2, 8 November-28 December 2010, 16 episodes (KDramaLove, a drama blog); Kim Jae-wook
    # plays Byun Jung-in, the man Mae-ri's father promised her to: the second lead.
    DramaFact(
        slug="mary-stayed-out-all-night",
        title="Mary Stayed Out All Night",
        hangul_title="매리는 외박중",
        other_titles="Marry Me, Mary!",
        year=2010,
        network="KBS2",
        episodes=16,
        characters=(
            she("Wi Mae-ri", "Moon Geun-young", "문근영", FEMALE_LEAD),
            he("Byun Jung-in", "Kim Jae-wook", "김재욱", SECOND_MALE),
        ),
    ),
    # 내 딸 서영이. KBS2 weekend drama, 15 September 2012-3 March 2013, 50 episodes (English Wikipedia, where it
    # is "Seoyoung, My Daughter"). Sang-woo is the heroine's twin brother; Ho-jung falls for him.
    DramaFact(
        slug="my-daughter-seo-young",
        title="My Daughter Seo-young",
        hangul_title="내 딸 서영이",
        other_titles="Seoyoung, My Daughter",
        year=2012,
        network="KBS2",
        episodes=50,
        characters=(
            he("Lee Sang-woo", "Park Hae-jin", "박해진", SUPPORTING),
            she("Choi Ho-jung", "Choi Yoon-young", "최윤영", SUPPORTING),
        ),
    ),
    # 마이 유스. JTBC, Fridays from 5 September 2025, two episodes a night, 12 episodes (Sports Chosun, TenAsia).
    DramaFact(
        slug="my-youth",
        title="My Youth",
        hangul_title="마이 유스",
        other_titles="",
        year=2025,
        network="JTBC",
        episodes=12,
        characters=(
            he("Sunwoo Hae", "Song Joong-ki", "송중기", MALE_LEAD),
            she("Sung Je-yeon", "Chun Woo-hee", "천우희", FEMALE_LEAD),
        ),
    ),
    # 파스타. MBC, January-March 2010, 20 episodes (drama review blogs quoting DramaWiki).
    DramaFact(
        slug="pasta",
        title="Pasta",
        hangul_title="파스타",
        other_titles="",
        year=2010,
        network="MBC",
        episodes=20,
        characters=(
            she("Seo Yoo-kyung", "Gong Hyo-jin", "공효진", FEMALE_LEAD),
            he("Choi Hyun-wook", "Lee Sun-kyun", "이선균", MALE_LEAD),
        ),
    ),
    # 궁. MBC, 11 January-30 March 2006, 24 episodes (English Wikipedia mirrors, DramaWiki).
    DramaFact(
        slug="princess-hours",
        title="Princess Hours",
        hangul_title="궁",
        other_titles="Goong; Palace",
        year=2006,
        network="MBC",
        episodes=24,
        characters=(
            she("Shin Chae-kyung", "Yoon Eun-hye", "윤은혜", FEMALE_LEAD),
            he("Lee Shin", "Joo Ji-hoon", "주지훈", MALE_LEAD),
        ),
    ),
    # 다시 만난 세계. SBS, 19 July-21 September 2017, 40 episodes of about 35 minutes (English Wikipedia).
    DramaFact(
        slug="reunited-worlds",
        title="Reunited Worlds",
        hangul_title="다시 만난 세계",
        other_titles="Into the New World",
        year=2017,
        network="SBS",
        episodes=40,
        characters=(
            he("Sung Hae-sung", "Yeo Jin-goo", "여진구", MALE_LEAD),
            she("Jung Jung-won", "Lee Yeon-hee", "이연희", FEMALE_LEAD),
        ),
    ),
    # 학교 2017. KBS2, 17 July-5 September 2017, 16 episodes (Wikipedia via Hubbry, Soompi).
    DramaFact(
        slug="school-2017",
        title="School 2017",
        hangul_title="학교 2017",
        other_titles="",
        year=2017,
        network="KBS2",
        episodes=16,
        characters=(
            she("Ra Eun-ho", "Kim Se-jeong", "김세정", FEMALE_LEAD),
            he("Hyun Tae-woon", "Kim Jung-hyun", "김정현", MALE_LEAD),
        ),
    ),
    # 비밀. KBS2, 25 September-14 November 2013, 16 episodes (English Wikipedia).
    DramaFact(
        slug="secret-love",
        title="Secret Love",
        hangul_title="비밀",
        other_titles="Secret",
        year=2013,
        network="KBS2",
        episodes=16,
        characters=(
            he("Jo Min-hyuk", "Ji Sung", "지성", MALE_LEAD),
            she("Kang Yoo-jung", "Hwang Jung-eum", "황정음", FEMALE_LEAD),
        ),
    ),
    # 보스를 지켜라. SBS, 3 August-29 September 2011, 18 episodes, planned as 16 (English Wikipedia, AsianWiki).
    DramaFact(
        slug="protect-the-boss",
        title="Protect the Boss",
        hangul_title="보스를 지켜라",
        other_titles="",
        year=2011,
        network="SBS",
        episodes=18,
        characters=(
            she("Noh Eun-seol", "Choi Kang-hee", "최강희", FEMALE_LEAD),
            he("Cha Ji-heon", "Ji Sung", "지성", MALE_LEAD),
        ),
    ),
    # 아름다운 그대에게. SBS, 15 August-4 October 2012, 16 episodes (English Wikipedia).
    DramaFact(
        slug="to-the-beautiful-you",
        title="To the Beautiful You",
        hangul_title="아름다운 그대에게",
        other_titles="",
        year=2012,
        network="SBS",
        episodes=16,
        characters=(
            she("Goo Jae-hee", "Sulli", "설리", FEMALE_LEAD),
            he("Kang Tae-joon", "Choi Min-ho", "최민호", MALE_LEAD),
        ),
    ),
    # 크리스마스에 눈이 올까요? SBS, 2 December 2009-28 January 2010, 16 episodes (JoongAng Ilbo, a review blog).
    DramaFact(
        slug="will-it-snow-for-christmas",
        title="Will It Snow for Christmas?",
        hangul_title="크리스마스에 눈이 올까요?",
        other_titles="",
        year=2009,
        network="SBS",
        episodes=16,
        characters=(
            he("Cha Kang-jin", "Go Soo", "고수", MALE_LEAD),
            she("Han Ji-wan", "Han Ye-seul", "한예슬", FEMALE_LEAD),
        ),
    ),
    # 여자만화 구두. SBS Plus, from 24 February 2014, 10 episodes of about ten minutes (Korea Economic TV, a wiki).
    DramaFact(
        slug="womans-comic-shoes",
        title="Woman's Comic: Shoes",
        hangul_title="여자만화 구두",
        other_titles="",
        year=2014,
        network="SBS Plus",
        episodes=10,
        characters=(
            she("Shin Ji-hoo", "Han Seung-yeon", "한승연", FEMALE_LEAD),
            he("Oh Tae-soo", "Hong Jong-hyun", "홍종현", MALE_LEAD),
        ),
    ),
    # 너희들은 포위됐다. SBS, 7 May-17 July 2014, 20 episodes (Soompi, a recap blog).
    DramaFact(
        slug="youre-all-surrounded",
        title="You're All Surrounded",
        hangul_title="너희들은 포위됐다",
        other_titles="You're Surrounded",
        year=2014,
        network="SBS",
        episodes=20,
        characters=(
            he("Eun Dae-gu", "Lee Seung-gi", "이승기", MALE_LEAD),
            she("Eo Soo-sun", "Go Ara", "고아라", FEMALE_LEAD),
        ),
    ),
)
