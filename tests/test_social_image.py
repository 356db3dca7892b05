"""The picture drawn for a shared post: Welsh letters come from the shipped font,
long titles fit, and a picture is drawn once per content."""

from __future__ import annotations

import io

from hypothesis import given, settings, strategies as st
from PIL import Image

from strategy.social_image import SIZE, cached_social_image, social_image

WELSH_LETTERS = "âêîôûŵŷÂÊÎÔÛŴŶäëïöüẅÿáéíóúẃýàèìòùẁỳ"


def ink(picture: bytes) -> int:
    """How many pixels are not the background."""
    image = Image.open(io.BytesIO(picture)).convert("RGB")
    background = image.getpixel((0, 0))
    return sum(1 for pixel in image.getdata() if pixel != background)


def test_welsh_letters_are_drawn_not_replaced_by_a_missing_glyph_box():
    with_circumflex = ink(social_image("ŵŷ", "", ""))
    plain = ink(social_image("wy", "", ""))
    missing = ink(social_image("\uffff\uffff", "", ""))
    assert with_circumflex > plain  # the circumflexes add ink
    assert with_circumflex != missing


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from("abc defghijklmnop " + WELSH_LETTERS), min_size=1, max_size=300))
def test_any_title_gives_a_picture_of_the_expected_size(title):
    assert Image.open(io.BytesIO(social_image(title, "Cenhadaeth 1: Gwasanaethau digidol", "Strategaeth"))).size == SIZE


def test_a_picture_is_drawn_once_and_then_read_back(tmp_path):
    first = cached_social_image(tmp_path, "Cynhwysiant digidol", "Cenhadaeth 2", "Strategaeth Ddigidol Cymru")
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(b"kept")
    assert cached_social_image(tmp_path, "Cynhwysiant digidol", "Cenhadaeth 2", "Strategaeth Ddigidol Cymru") == b"kept"
    assert cached_social_image(tmp_path, "Cynhwysiant", "Cenhadaeth 2", "Strategaeth Ddigidol Cymru") != b"kept"
    assert first.startswith(b"\x89PNG")
