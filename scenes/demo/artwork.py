"""
Placeholder artwork for the demo catalogue, drawn with Pillow.

The demo cannot ship stills from the dramas, so every scene gets a clearly labelled illustration instead:
a soft gradient in a palette chosen from the drama's slug, bokeh lights, two stylised silhouettes (one
holding the other from behind) and the drama title with "Episode N · mm:ss". Each drama gets a portrait
poster in the same palette.

Everything is seeded by slugs and scene numbers, never by the clock or a global random state, so the same
input always draws the same picture and a rerun of ``load_demo`` has nothing new to write.
"""

import hashlib
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from . import fonts
from .figures import Pose, draw_embrace

SCENE_SIZE = (1280, 720)
POSTER_SIZE = (400, 600)
JPEG_QUALITY = 85

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    name: str
    top: Color
    bottom: Color
    glow: Color  # the light behind the figures and the bokeh
    figure_back: Color  # the hugger, standing behind
    figure_front: Color  # the one being hugged
    text: Color
    muted: Color  # secondary text

    @property
    def is_dark(self) -> bool:
        return sum(self.top) + sum(self.bottom) < 3 * 255


# Soft, warm-to-cool palettes; each keeps text contrast of at least 4.5:1 against its own gradient.
PALETTES = (
    Palette(
        name="rose",
        top=(251, 214, 220),
        bottom=(214, 150, 168),
        glow=(255, 240, 236),
        figure_back=(92, 38, 64),
        figure_front=(128, 62, 88),
        text=(74, 26, 48),
        muted=(100, 40, 68),
    ),
    Palette(
        name="peach",
        top=(255, 226, 200),
        bottom=(236, 166, 138),
        glow=(255, 246, 226),
        figure_back=(110, 48, 40),
        figure_front=(146, 74, 60),
        text=(84, 34, 28),
        muted=(104, 46, 36),
    ),
    Palette(
        name="lavender",
        top=(232, 224, 250),
        bottom=(172, 156, 216),
        glow=(250, 244, 255),
        figure_back=(56, 40, 104),
        figure_front=(84, 66, 140),
        text=(40, 28, 82),
        muted=(58, 44, 104),
    ),
    Palette(
        name="teal",
        top=(206, 238, 228),
        bottom=(112, 176, 170),
        glow=(236, 252, 244),
        figure_back=(18, 62, 66),
        figure_front=(32, 88, 92),
        text=(12, 46, 50),
        muted=(18, 58, 62),
    ),
    Palette(
        name="navy",
        top=(64, 84, 138),
        bottom=(16, 24, 54),
        glow=(255, 214, 170),
        figure_back=(10, 14, 34),
        figure_front=(34, 44, 84),
        text=(250, 240, 228),
        muted=(214, 204, 220),
    ),
    Palette(
        name="dusk",
        top=(126, 64, 96),
        bottom=(42, 28, 70),
        glow=(255, 204, 166),
        figure_back=(22, 12, 32),
        figure_front=(66, 36, 80),
        text=(255, 244, 234),
        muted=(250, 218, 204),
    ),
    Palette(
        name="sage",
        top=(228, 238, 216),
        bottom=(156, 184, 150),
        glow=(248, 252, 238),
        figure_back=(36, 60, 40),
        figure_front=(58, 88, 60),
        text=(26, 46, 30),
        muted=(38, 64, 42),
    ),
    Palette(
        name="plum",
        top=(112, 60, 102),
        bottom=(40, 18, 46),
        glow=(255, 196, 214),
        figure_back=(22, 8, 26),
        figure_front=(60, 28, 62),
        text=(255, 236, 244),
        muted=(236, 206, 224),
    ),
)


def seed_for(*parts: object) -> int:
    """A stable number from any labels (Python's own hash() is salted per process, so not that)."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    return int(digest[:16], 16)


def palette_for(drama_slug: str) -> Palette:
    return PALETTES[seed_for("palette", drama_slug) % len(PALETTES)]


def to_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


# --- backgrounds -------------------------------------------------------------------------------------


def gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    # Resizing a one-pixel-wide ramp and then stretching it is much cheaper than resizing the square.
    ramp = Image.linear_gradient("L").resize((1, size[1]), Image.Resampling.BILINEAR)
    mask = ramp.resize(size, Image.Resampling.NEAREST)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def add_glow(image: Image.Image, center: tuple[int, int], radius: int, color: Color, strength: float) -> None:
    """A soft pool of light (a radial gradient) where the figures stand."""
    falloff = Image.radial_gradient("L").resize((2 * radius, 2 * radius), Image.Resampling.BILINEAR)
    # Pillow's radial gradient reaches 181 at the middle of each edge (255 only in the corners): fading out
    # by 170 keeps the light a circle, so the square's edge never shows.
    mask = falloff.point(lambda value: int(255 * strength * max(0.0, 1 - value / 170) ** 2))
    image.paste(Image.new("RGB", mask.size, color), (center[0] - radius, center[1] - radius), mask)


def add_bokeh(image: Image.Image, rng: random.Random, color: Color, count: int, max_radius: int) -> None:
    """Out-of-focus lights, drawn at half size and blurred: cheap, and softer than drawing them sharp."""
    width, height = image.size
    layer = Image.new("RGBA", (width // 2, height // 2), (*color, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(count):
        # Many small lights and a few large ones, the way a lens renders distant lamps.
        radius = int(max_radius / 2 * rng.uniform(0.15, 1.0) ** 2) + 3
        x, y = rng.randint(0, width // 2), int(height / 2 * rng.uniform(0, 1) ** 1.4)
        alpha = rng.randint(24, 70)
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.ellipse(box, fill=(*color, alpha), outline=(*color, min(255, alpha + 25)), width=1)
    layer = layer.filter(ImageFilter.GaussianBlur(1.6)).resize(image.size, Image.Resampling.BILINEAR)
    image.paste(layer, (0, 0), layer)


def add_scrim(image: Image.Image, from_y: int, color: Color, max_alpha: int) -> None:
    """Fade the bottom of the picture into its own colour, so a footer stays readable over the figures."""
    height = image.height - from_y
    ramp = Image.linear_gradient("L").resize((image.width, height)).point(lambda value: min(255, value * 2))
    mask = ramp.point(lambda value: value * max_alpha // 255)
    image.paste(Image.new("RGB", (image.width, height), color), (0, from_y), mask)


# --- text --------------------------------------------------------------------------------------------


def wrap(text: str, font, max_width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fitted_title(text: str, style: str, max_width: int, max_lines: int, sizes: range):
    """The largest font size at which the title fits; a third line only once the size is small anyway."""
    for size in sizes:
        font = fonts.font(style, size)
        lines = wrap(text, font, max_width)
        allowed = max_lines if size < sizes[0] * 0.75 else min(2, max_lines)
        if len(lines) <= allowed and all(font.getlength(line) <= max_width for line in lines):
            return font, lines
    font = fonts.font(style, sizes[-1])
    return font, wrap(text, font, max_width)


def draw_label(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, palette: Palette, size: int) -> None:
    """The small 'Placeholder artwork' pill, so nobody takes the picture for a still from the drama."""
    font = fonts.font("bold", size)
    left, top, right, bottom = draw.textbbox(xy, text, font=font)
    pad_x, pad_y = size * 0.8, size * 0.45
    pill = (left - pad_x, top - pad_y, right + pad_x, bottom + pad_y)
    fill = (255, 255, 255, 150) if not palette.is_dark else (0, 0, 0, 110)
    draw.rounded_rectangle(pill, radius=(pill[3] - pill[1]) / 2, fill=fill)
    draw.text(xy, text, font=font, fill=palette.text)


def hangul_font(style: str, size: int):
    return fonts.font(style, size) if fonts.face(style).supports_hangul else None


# --- the two pictures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SceneArt:
    drama_slug: str
    drama_title: str
    hangul_title: str
    episode: int | None  # None where no source names the episode
    timecode: str  # "" for a documented scene: nobody has timed it
    hugger_name: str
    hugged_name: str
    hugger_gender: str
    hugged_gender: str


def scene_image(art: SceneArt) -> bytes:
    palette = palette_for(art.drama_slug)
    rng = random.Random(seed_for("scene", art.drama_slug, art.episode, art.timecode))
    width, height = SCENE_SIZE
    image = gradient(SCENE_SIZE, palette.top, palette.bottom)
    figures_x = int(width * rng.uniform(0.68, 0.74))
    add_glow(image, (figures_x, int(height * 0.42)), 430, palette.glow, 0.75)
    add_bokeh(image, rng, palette.glow, count=26, max_radius=90)

    pose = Pose(
        center_x=figures_x,
        head_y=int(height * rng.uniform(0.33, 0.37)),
        head_radius=int(height * 0.085),
        hugger_gender=art.hugger_gender,
        hugged_gender=art.hugged_gender,
        lean=rng.uniform(-0.08, 0.08),
    )
    draw_embrace(image, pose, palette.figure_back, palette.figure_front)

    draw_caption(ImageDraw.Draw(image, "RGBA"), art, palette, height)
    return to_jpeg(image)


def draw_caption(draw: ImageDraw.ImageDraw, art: SceneArt, palette: Palette, height: int) -> None:
    """The left-hand column: label, title (English, then Hangul), episode and time, who hugs whom."""
    margin = 80
    draw_label(draw, (margin, 64), "PLACEHOLDER ARTWORK", palette, 17)
    title_font, title_lines = fitted_title(art.drama_title, "title", 540, 3, range(66, 34, -4))
    y = 190 if len(title_lines) < 3 else 150
    for line in title_lines:
        draw.text((margin, y), line, font=title_font, fill=palette.text)
        y += int(title_font.size * 1.18)
    korean = hangul_font("regular", 28)
    if korean and art.hangul_title:
        y += 8
        for line in wrap(art.hangul_title, korean, 540)[:2]:
            draw.text((margin, y), line, font=korean, fill=palette.muted)
            y += 40
    y += 34
    draw.line((margin, y, margin + 56, y), fill=palette.text, width=3)
    y += 26
    draw.text((margin, y), when(art), font=fonts.font("bold", 34), fill=palette.text)
    y += 56
    body = fonts.font("regular", 24)
    for line in wrap(f"{art.hugger_name} hugs {art.hugged_name} from behind", body, 580)[:2]:
        draw.text((margin, y), line, font=body, fill=palette.muted)
        y += 34
    draw.text((margin, height - 64), "tropedb · demo", font=fonts.font("regular", 18), fill=palette.muted)


def when(art: SceneArt) -> str:
    """Episode and time as far as they are known: a documented scene has no time, sometimes no episode."""
    parts = [f"Episode {art.episode}" if art.episode else "Episode not known", art.timecode]
    return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class PosterArt:
    drama_slug: str
    title: str
    hangul_title: str
    year: int
    network: str
    episodes: int


def poster_image(art: PosterArt) -> bytes:
    palette = palette_for(art.drama_slug)
    rng = random.Random(seed_for("poster", art.drama_slug))
    width, height = POSTER_SIZE
    image = gradient(POSTER_SIZE, palette.top, palette.bottom)
    add_glow(image, (width // 2, int(height * 0.66)), 260, palette.glow, 0.8)
    add_bokeh(image, rng, palette.glow, count=16, max_radius=46)
    pose = Pose(
        center_x=width // 2 - 14,
        head_y=int(height * 0.6),
        head_radius=34,
        hugger_gender="male",
        hugged_gender="female",
        lean=rng.uniform(-0.06, 0.06),
    )
    draw_embrace(image, pose, palette.figure_back, palette.figure_front)

    add_scrim(image, height - 170, palette.bottom, 235)

    draw = ImageDraw.Draw(image, "RGBA")
    title_font, lines = fitted_title(art.title, "title", width - 60, 3, range(44, 22, -2))
    y = 46
    for line in lines:
        line_width = title_font.getlength(line)
        draw.text(((width - line_width) / 2, y), line, font=title_font, fill=palette.text)
        y += int(title_font.size * 1.15)
    korean = hangul_font("regular", 18)
    if korean and art.hangul_title:
        for line in wrap(art.hangul_title, korean, width - 60)[:2]:
            draw.text(((width - korean.getlength(line)) / 2, y + 6), line, font=korean, fill=palette.muted)
            y += 26
    footer = f"{art.year} · {art.network} · {art.episodes} episodes"
    small = fonts.font("regular", 15)
    draw.text(((width - small.getlength(footer)) / 2, height - 74), footer, font=small, fill=palette.text)
    label = "PLACEHOLDER POSTER"
    label_font = fonts.font("bold", 11)
    draw_label(draw, (int((width - label_font.getlength(label)) / 2), height - 40), label, palette, 11)
    return to_jpeg(image)
