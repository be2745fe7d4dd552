"""
Dramas added for the documented back hugs, titles A to H (and 49 Days), with the characters those scenes need.

Each fact was checked against public pages found with the search tool (December 2026), noted per drama.
shared/data/dramas.csv did not list these dramas; the documented-scenes list only named them.
"""

from .dramas import FEMALE_LEAD, MALE_LEAD, SECOND_FEMALE, SECOND_MALE, SUPPORTING, he, she
from .records import DramaFact

DRAMAS: tuple[DramaFact, ...] = (
    # 49일. SBS, 16 March-19 May 2011, 20 episodes (English Wikipedia and a drama wiki). Yi-kyung's body is
    # borrowed by Ji-hyun's spirit for much of the story; the scene's hugger is the character on screen.
    DramaFact(
        slug="49-days",
        title="49 Days",
        hangul_title="49일",
        other_titles="",
        year=2011,
        network="SBS",
        episodes=20,
        characters=(
            she("Song Yi-kyung", "Lee Yo-won", "이요원", FEMALE_LEAD),
            he("Han Kang", "Jo Hyun-jae", "조현재", MALE_LEAD),
            she("Shin Ji-hyun", "Nam Gyu-ri", "남규리", FEMALE_LEAD),
        ),
    ),
    # 기분 좋은 날. SBS weekend drama from 26 April 2014; cut from 50 to 44 episodes, last aired 5 October 2014
    # (MyDaily, OSEN). Da-ae and Hyun-bin are one of the family's couples, not the leads.
    DramaFact(
        slug="a-good-day",
        title="A Good Day",
        hangul_title="기분 좋은 날",
        other_titles="",
        year=2014,
        network="SBS",
        episodes=44,
        characters=(
            she("Jung Da-ae", "Hwang Woo-seul-hye", "황우슬혜", SUPPORTING),
            he("Kang Hyun-bin", "Jung Man-sik", "정만식", SUPPORTING),
        ),
    ),
    # 칼과 꽃. KBS2, 3 July-5 September 2013, 20 episodes (English Wikipedia, AsianWiki).
    DramaFact(
        slug="the-blade-and-petal",
        title="The Blade and Petal",
        hangul_title="칼과 꽃",
        other_titles="Sword and Flower",
        year=2013,
        network="KBS2",
        episodes=20,
        characters=(
            he("Yeon Chung", "Uhm Tae-woong", "엄태웅", MALE_LEAD),
            she("Mo-seol", "Park Soo-jin", "박수진", SECOND_FEMALE),
        ),
    ),
    # 앙큼한 돌싱녀. MBC, 27 February-24 April 2014, 16 episodes (English Wikipedia).
    DramaFact(
        slug="cunning-single-lady",
        title="Cunning Single Lady",
        hangul_title="앙큼한 돌싱녀",
        other_titles="Sly and Single Again",
        year=2014,
        network="MBC",
        episodes=16,
        characters=(
            she("Na Ae-ra", "Lee Min-jung", "이민정", FEMALE_LEAD),
            he("Kook Seung-hyun", "Seo Kang-joon", "서강준", SECOND_MALE),
        ),
    ),
    # 닥터 이방인. SBS, 5 May-8 July 2014, 20 episodes (English Wikipedia).
    DramaFact(
        slug="doctor-stranger",
        title="Doctor Stranger",
        hangul_title="닥터 이방인",
        other_titles="",
        year=2014,
        network="SBS",
        episodes=20,
        characters=(
            he("Park Hoon", "Lee Jong-suk", "이종석", MALE_LEAD),
            she("Oh Soo-hyun", "Kang So-ra", "강소라", SECOND_FEMALE),
        ),
    ),
    # 닥터스. SBS, 20 June-23 August 2016, 20 episodes (English Wikipedia, where it is "The Doctors").
    DramaFact(
        slug="doctors",
        title="Doctors",
        hangul_title="닥터스",
        other_titles="The Doctors; Doctor Crush",
        year=2016,
        network="SBS",
        episodes=20,
        characters=(
            he("Hong Ji-hong", "Kim Rae-won", "김래원", MALE_LEAD),
            she("Yoo Hye-jung", "Park Shin-hye", "박신혜", FEMALE_LEAD),
        ),
    ),
    # 응급남녀. tvN, 24 January-5 April 2014, 21 episodes (extended by one; English Wikipedia).
    DramaFact(
        slug="emergency-couple",
        title="Emergency Couple",
        hangul_title="응급남녀",
        other_titles="",
        year=2014,
        network="tvN",
        episodes=21,
        characters=(
            he("Oh Chang-min", "Choi Jin-hyuk", "최진혁", MALE_LEAD),
            she("Oh Jin-hee", "Song Ji-hyo", "송지효", FEMALE_LEAD),
        ),
    ),
    # 이상한 변호사 우영우. ENA, 29 June-18 August 2022, 16 episodes (a Wikipedia mirror, KDramaLove).
    DramaFact(
        slug="extraordinary-attorney-woo",
        title="Extraordinary Attorney Woo",
        hangul_title="이상한 변호사 우영우",
        other_titles="",
        year=2022,
        network="ENA",
        episodes=16,
        characters=(
            she("Woo Young-woo", "Park Eun-bin", "박은빈", FEMALE_LEAD),
            he("Lee Jun-ho", "Kang Tae-oh", "강태오", MALE_LEAD),
        ),
    ),
    # 황금무지개. MBC weekend drama, 2 November 2013-30 March 2014, 41 episodes (The Star via PickCon, Donga).
    DramaFact(
        slug="golden-rainbow",
        title="Golden Rainbow",
        hangul_title="황금무지개",
        other_titles="",
        year=2013,
        network="MBC",
        episodes=41,
        characters=(
            she("Kim Baek-won", "Uee", "유이", FEMALE_LEAD),
            he("Seo Do-young", "Jung Il-woo", "정일우", MALE_LEAD),
        ),
    ),
    # 최고의 사랑. MBC, 4 May-23 June 2011, 16 episodes (English Wikipedia, a DramaWiki copy).
    DramaFact(
        slug="the-greatest-love",
        title="The Greatest Love",
        hangul_title="최고의 사랑",
        other_titles="Best Love",
        year=2011,
        network="MBC",
        episodes=16,
        characters=(
            he("Dokko Jin", "Cha Seung-won", "차승원", MALE_LEAD),
            she("Gu Ae-jung", "Gong Hyo-jin", "공효진", FEMALE_LEAD),
        ),
    ),
    # 해피엔딩. JTBC, Mondays and Tuesdays from 23 April 2012; the last episode aired 16 July 2012 (JoyNews24),
    # and episode 20 on 2 July, so 24 episodes by the schedule.
    DramaFact(
        slug="happy-ending",
        title="Happy Ending",
        hangul_title="해피엔딩",
        other_titles="",
        year=2012,
        network="JTBC",
        episodes=24,
        characters=(
            he("Kim Doo-soo", "Choi Min-soo", "최민수", MALE_LEAD),
            she("Yang Sun-ah", "Shim Hye-jin", "심혜진", FEMALE_LEAD),
        ),
    ),
)
