"""
Fonts for the placeholder artwork, found on the machine rather than shipped with the app.

Noto CJK (Debian's fonts-noto-cjk) is preferred because it has Hangul and handsome Latin letters; DejaVu
is the common fallback, and Pillow's bundled default font the last resort, so ``load_demo`` never fails on
a machine without fonts. Only the CJK fonts can draw Hangul, so callers ask ``supports_hangul`` first and
leave the Korean title out rather than draw boxes.
"""

import glob
from dataclasses import dataclass
from functools import cache

from PIL import ImageFont

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts")

# For each style, the files to try in order of preference (file names, found anywhere under FONT_DIRS).
CANDIDATES = {
    "title": ("NotoSerifCJK-Bold.ttc", "NotoSansCJK-Bold.ttc", "DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "bold": ("NotoSansCJK-Bold.ttc", "DejaVuSans-Bold.ttf"),
    "regular": ("NotoSansCJK-Regular.ttc", "NotoSansCJK-DemiLight.ttc", "DejaVuSans.ttf"),
}


@dataclass(frozen=True)
class FontFace:
    path: str | None  # None: Pillow's bundled default font
    index: int
    supports_hangul: bool


@cache
def _find(file_name: str) -> str | None:
    for directory in FONT_DIRS:
        matches = sorted(glob.glob(f"{directory}/**/{file_name}", recursive=True))
        if matches:
            return matches[0]
    return None


def _korean_index(path: str) -> int:
    """A .ttc collection holds one face per region; the Korean one draws Hangul in Korean style."""
    if not path.endswith(".ttc"):
        return 0
    for index in range(8):
        try:
            family, _style = ImageFont.truetype(path, 12, index=index).getname()
        except OSError:
            break
        if family and family.endswith(" KR"):
            return index
    return 0


@cache
def face(style: str) -> FontFace:
    for file_name in CANDIDATES[style]:
        path = _find(file_name)
        if path:
            return FontFace(path=path, index=_korean_index(path), supports_hangul="CJK" in file_name)
    return FontFace(path=None, index=0, supports_hangul=False)


@cache
def font(style: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    chosen = face(style)
    if chosen.path:
        try:
            return ImageFont.truetype(chosen.path, size, index=chosen.index)
        except OSError:
            pass
    return ImageFont.load_default(size=size)
