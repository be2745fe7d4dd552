"""
Hangul in Latin letters by the Revised Romanization of Korean (South Korea's official system since 2000), so
that a reader who types "sangsokjadeul" or "dokkaebi" finds 상속자들 (The Heirs) and 도깨비 (Goblin).

A Hangul syllable block is an initial consonant, a vowel and an optional final consonant; Unicode lays the
11,172 blocks out in that order (block = U+AC00 + (initial × 21 + vowel) × 28 + final), so each block splits
into its three jamo by arithmetic. Each jamo has its letters (the tables below); between two syllables of a
word, the sound changes the system writes are applied (``_join``):

- a final consonant before a silent ㅇ moves over and is written as an initial (한국어 hangugeo, 읽어 ilgeo),
  ㄷ and ㅌ before 이 as j and ch (굳이 guji, 같이 gachi), a final ㅎ is dropped (좋아 joa);
- a final before ㄴ or ㅁ becomes nasal (백마 baengma, 잡념 jamnyeom), before ㄹ too, which is then read n
  (종로 jongno, 협력 hyeomnyeok); ㄴ next to ㄹ and ㄹ next to ㄹ are both l (신라 silla, 설날 seollal);
- ㄱ, ㄷ, ㅈ after a final ㅎ are aspirated (놓고 noko); before an initial ㅎ a final keeps its own sound and
  the h is written (묵호 mukho), the system's rule for nouns, which is what titles and names are.

What needs a dictionary is not attempted (the tensing after a compound's ㅅ, an inserted ㄴ as in 솜이불
somnibul, given names written without sound changes): ``romanisations`` therefore also gives the plain
syllable-by-syllable spelling (신라 sinra as well as silla), and search indexes both.
"""

import functools

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3

# The jamo of each position in Unicode's order, and their letters.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
INITIAL_LETTERS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
VOWEL_LETTERS = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
]  # fmt: skip
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]  # "": no final consonant

# How a final sounds before a consonant or at the end of a word: one of seven.
FINAL_SOUND = {
    **dict.fromkeys("ㄱㄲㅋㄳㄺ", "k"),
    **dict.fromkeys("ㄴㄵㄶ", "n"),
    **dict.fromkeys("ㄷㅅㅆㅈㅊㅌㅎ", "t"),
    **dict.fromkeys("ㄹㄼㄽㄾㅀ", "l"),
    **dict.fromkeys("ㅁㄻ", "m"),
    **dict.fromkeys("ㅂㅍㅄㄿ", "p"),
    "ㅇ": "ng",
}
NASAL = {"k": "ng", "t": "n", "p": "m"}
# A double final before a silent ㅇ: what stays, what moves over (읽어 il-geo, 없어 eop-seo, 않아 a-na).
SPLIT = {"ㄳ": ("ㄱ", "ㅅ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄶ": ("", "ㄴ"), "ㄺ": ("ㄹ", "ㄱ"), "ㄻ": ("ㄹ", "ㅁ"),
         "ㄼ": ("ㄹ", "ㅂ"), "ㄽ": ("ㄹ", "ㅅ"), "ㄾ": ("ㄹ", "ㅌ"), "ㄿ": ("ㄹ", "ㅍ"), "ㅀ": ("", "ㄹ"),
         "ㅄ": ("ㅂ", "ㅅ")}  # fmt: skip
# A final ㅎ (alone or in ㄶ, ㅀ) before ㄱ, ㄷ, ㅈ: the pair is one aspirated sound (놓고 no-ko, 많다 man-ta).
ASPIRATED = {"ㄱ": "k", "ㄷ": "t", "ㅈ": "ch"}
VOWEL_I = 20  # ㅣ: 굳이 gu-ji, 같이 ga-chi


def is_hangul(character: str) -> bool:
    return HANGUL_FIRST <= ord(character) <= HANGUL_LAST


def _syllable(character: str) -> tuple[str, int, str]:
    """(initial jamo, vowel index, final jamo) of a Hangul syllable block."""
    offset = ord(character) - HANGUL_FIRST
    return INITIALS[offset // (21 * 28)], offset // 28 % 21, FINALS[offset % 28]


def _initial(jamo: str) -> str:
    return INITIAL_LETTERS[INITIALS.index(jamo)]


def _join(final: str, initial: str, vowel: int) -> tuple[str, str]:
    """The letters for ``final`` and the next syllable's ``initial`` (followed by ``vowel``), sound changes applied."""
    if initial == "ㅇ":  # Silent: the final is heard as the next syllable's initial.
        if final in ("", "ㅇ", "ㅎ"):
            return FINAL_SOUND.get(final, "") if final == "ㅇ" else "", ""
        stays, moves = SPLIT.get(final, ("", final))
        if vowel == VOWEL_I and moves in ("ㄷ", "ㅌ"):
            return FINAL_SOUND.get(stays, ""), "j" if moves == "ㄷ" else "ch"
        return FINAL_SOUND.get(stays, ""), "r" if moves == "ㄹ" else _initial(moves)
    if final in ("ㅎ", "ㄶ", "ㅀ") and initial in ASPIRATED:
        return {"ㅎ": "", "ㄶ": "n", "ㅀ": "l"}[final], ASPIRATED[initial]
    sound = FINAL_SOUND.get(final, "")
    if initial == "ㄹ":
        if sound in ("l", "n"):
            return "l", "l"
        return (NASAL.get(sound, sound), "n") if sound else ("", "r")
    if initial == "ㄴ" and sound == "l":
        return "l", "l"
    if initial in ("ㄴ", "ㅁ"):
        return NASAL.get(sound, sound), _initial(initial)
    return sound, _initial(initial)


def romanise(text: str) -> str:
    """``text`` with each word of Hangul in Revised Romanization (sound changes applied); the rest as it was."""
    result, index = [], 0
    while index < len(text):
        if not is_hangul(text[index]):
            result.append(text[index])
            index += 1
            continue
        end = index
        while end < len(text) and is_hangul(text[end]):
            end += 1
        result.append(_romanise_word([_syllable(character) for character in text[index:end]]))
        index = end
    return "".join(result)


def _romanise_word(syllables: list[tuple[str, int, str]]) -> str:
    letters, initial = [], _initial(syllables[0][0])
    for position, (_, vowel, final) in enumerate(syllables):
        following = syllables[position + 1] if position + 1 < len(syllables) else None
        if following is None:
            ending, next_initial = FINAL_SOUND.get(final, ""), ""
        else:
            ending, next_initial = _join(final, following[0], following[1])
        letters.append(initial + VOWEL_LETTERS[vowel] + ending)
        initial = next_initial
    return "".join(letters)


def transliterate(text: str) -> str:
    """``text`` with each Hangul syllable spelt on its own, no sound changes: 신라 as "sinra"."""
    return "".join(_transliterate_syllable(character) if is_hangul(character) else character for character in text)


def _transliterate_syllable(character: str) -> str:
    initial, vowel, final = _syllable(character)
    return _initial(initial) + VOWEL_LETTERS[vowel] + FINAL_SOUND.get(final, "")


@functools.lru_cache(maxsize=8192)
def romanisations(text: str) -> tuple[str, ...]:
    """The ways ``text`` may be spelt in Latin letters: the system's, and syllable by syllable if that differs;
    empty when ``text`` has no Hangul. Kept per text: rebuilding the index romanises each drama's titles and
    each actor's name once, not once per scene."""
    if not any(is_hangul(character) for character in text or ""):
        return ()
    spellings = (romanise(text), transliterate(text))
    return spellings[:1] if spellings[0] == spellings[1] else spellings
