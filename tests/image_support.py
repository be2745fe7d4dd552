"""Real picture files for the upload tests, made here with Pillow, and what became of them once stored."""

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from scenes.submissions.images import (
    validate_screenshot,
)

ALT = "He holds her from behind under a yellow umbrella."


# Real files, made here with Pillow -----------------------------------------------------------------


def picture(seed: int = 1, size: tuple[int, int] = (800, 450), mode: str = "RGB") -> Image.Image:
    """A busy picture (a gradient and random shapes): different seeds give clearly different pictures."""
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize(size).convert(mode)
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        box = (x, y, x + rng.randrange(40, size[0] // 2), y + rng.randrange(40, size[1] // 2))
        colour = tuple(rng.randrange(256) for _ in range(len(mode)))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    return image


def encoded(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(data: bytes, name: str = "our-hug.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_declaring(width: int, height: int) -> bytes:
    """A genuine black 1-bit PNG of width×height: a few kilobytes that decode to width×height pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def stored(file_field) -> Image.Image:
    with file_field.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def stored_bytes(file_field) -> bytes:
    with file_field.open("rb") as handle:
        return handle.read()


def files_under(root) -> list[Path]:
    root = Path(root)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def refusal(uploaded_file) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_screenshot(uploaded_file)
    return " ".join(caught.value.messages)
