"""The picture a post shows when it is shared: its title and mission, in the
post's language, on the site's colours. Drawn at build time with Pillow, in
Noto Sans from the fontpkg-noto-sans package (no font host, no system font)."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontpkg_noto_sans import ROOT as NOTO_SANS
from PIL import Image, ImageColor, ImageDraw, ImageFont

from .urls import SOCIAL_IMAGE_FILE

SIZE = (1200, 630)  # what Open Graph and Twitter's large card expect
MARGIN = 72


@dataclass(frozen=True)
class ShareColours:
    """The picture's colours: a site sets its own (``share_picture`` in mkdocs.yml)."""

    background: str = "#a3001b"  # --md-primary-fg-color in the package's strategy.css
    text: str = "#ffffff"
    band: str = "#ffdd00"  # the focus colour: a band that ties the picture to the site
FILE_NAME = SOCIAL_IMAGE_FILE  # beside the post's page: posts/x/social.png


@lru_cache(maxsize=8)
def _font(size: int, weight: str) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(NOTO_SANS / "files" / "NotoSans[wdth,wght].ttf"), size)
    font.set_variation_by_name(weight)
    return font


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _title_lines(title: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose wrapped lines fit the space."""
    for size in (84, 72, 62, 54, 46, 40):
        font = _font(size, "Bold")
        lines = _wrapped(title, font, width)
        if len(lines) * size * 1.2 <= height and all(font.getlength(line) <= width for line in lines):
            return font, lines
    return font, lines[: int(height // (size * 1.2))]


@lru_cache(maxsize=4)
def _palette(colours: ShareColours) -> list[int]:
    """Index 0 is the background, 254 the text, with the shades between for smooth
    edges; 255 is the band. One byte a pixel: a small PNG, quick to make."""
    start, end = ImageColor.getrgb(colours.background), ImageColor.getrgb(colours.text)
    shades = [round(a + (b - a) * step / 254) for step in range(255) for a, b in zip(start, end)]
    return shades + list(ImageColor.getrgb(colours.band))


TEXT_INDEX, ACCENT_INDEX = 254, 255


def social_image(title: str, kicker: str, site_name: str, colours: ShareColours = ShareColours()) -> bytes:
    """A 1200×630 PNG: ``kicker`` (such as "Mission 2: Digital inclusion") above the title, the site's name below."""
    image = Image.new("L", SIZE, 0)  # drawn as shades, coloured by the palette
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, SIZE[1] - 16, SIZE[0], SIZE[1]), fill=ACCENT_INDEX)
    kicker_font, name_font = _font(36, "SemiBold"), _font(34, "Regular")
    draw.text((MARGIN, MARGIN), kicker, font=kicker_font, fill=TEXT_INDEX)
    top, bottom = MARGIN + 80, SIZE[1] - MARGIN - 70
    font, lines = _title_lines(title, width, bottom - top)
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * font.size * 1.2), line, font=font, fill=TEXT_INDEX)
    draw.text((MARGIN, SIZE[1] - MARGIN - 40), site_name, font=name_font, fill=TEXT_INDEX)
    image = Image.frombytes("P", SIZE, image.tobytes())  # the same bytes, read as palette indexes
    image.putpalette(_palette(colours))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


# The drawing's own source is part of every picture's key: change the design and
# every picture is drawn again.
_DESIGN = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def cached_social_image(cache: Path, title: str, kicker: str, site_name: str,
                        colours: ShareColours = ShareColours()) -> bytes:
    """The picture, drawn once per content: a later build reads it from ``cache``
    (a folder of the build's own), so that only new or retitled posts cost time."""
    made_from = (_DESIGN, title, kicker, site_name, colours.background, colours.text, colours.band)
    key = hashlib.sha256("\0".join(made_from).encode("utf-8")).hexdigest()
    kept = cache / f"{key}.png"
    if kept.exists():
        return kept.read_bytes()
    picture = social_image(title, kicker, site_name, colours)
    cache.mkdir(parents=True, exist_ok=True)
    # Written aside, then renamed: the two languages build side by side, and the
    # other build must never read a half-written picture.
    partial = cache / f"{key}.{os.getpid()}.part"
    partial.write_bytes(picture)
    os.replace(partial, kept)
    return picture
