"""Hangul in Latin letters (Revised Romanization), the spellings search indexes beside the Hangul."""

import pytest

from scenes.search.romanise import romanisations, romanise, transliterate


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("상속자들", "sangsokjadeul"),  # The Heirs
        ("도깨비", "dokkaebi"),  # Goblin: a double consonant
        ("이민호", "iminho"),
        ("별에서 온 그대", "byeoreseo on geudae"),  # a final moves over a silent ㅇ
        ("한국어", "hangugeo"),
        ("읽어", "ilgeo"),  # a double final: the second part moves
        ("없어", "eopseo"),
        ("않아", "ana"),  # ...and ㅎ is not heard
        ("좋아", "joa"),
        ("같이", "gachi"),  # ㅌ before 이
        ("굳이", "guji"),  # ㄷ before 이
        ("백마", "baengma"),  # nasal before ㅁ
        ("잡념", "jamnyeom"),
        ("종로", "jongno"),  # ㄹ after a nasal is n
        ("협력", "hyeomnyeok"),
        ("신라", "silla"),  # ㄴ and ㄹ meet as ll
        ("설날", "seollal"),
        ("놓고", "noko"),  # a final ㅎ aspirates
        ("묵호", "mukho"),  # a noun keeps the h
        ("사랑의 불시착", "sarangui bulsichak"),
        ("김비서가 왜 그럴까", "gimbiseoga wae geureolkka"),
        ("라면", "ramyeon"),  # ㄹ begins a word as r
    ],
)
def test_hangul_is_written_by_the_revised_romanization(hangul, latin):
    assert romanise(hangul) == latin


def test_what_is_not_hangul_is_left_as_it_was():
    assert romanise("쓸쓸하고 찬란하神 – 도깨비 (2016)") == "sseulsseulhago challanha神 – dokkaebi (2016)"
    assert romanise("Goblin") == "Goblin"


def test_each_syllable_can_also_be_spelt_on_its_own():
    assert transliterate("신라 종로") == "sinra jongro"
    assert romanisations("신라") == ("silla", "sinra")
    assert romanisations("상속자들") == ("sangsokjadeul",)  # No sound change: one spelling.
    assert romanisations("The Heirs") == ()
