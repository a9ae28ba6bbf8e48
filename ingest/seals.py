"""Red seals (con dấu) on scanned pages: where their ink is, and the page without it.

The seal is stamped over the signer's title and name, and tesseract reads the mix of
red ink and black type as noise or not at all. In the red channel red ink is nearly as
light as the paper while black and blue ink stay dark, so the band under a seal can be
read again from that channel alone.
"""
from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter

MIN_SEAL_PIXELS = 3000  # a seal (30-40 mm across) has tens of thousands of red pixels at 300 dpi
RED_OVER_GREEN_AND_BLUE = 60  # how much redder than green and blue a pixel must be to count as red ink
MIN_RED = 140


def red_ink_mask(image: Image.Image) -> Image.Image:
    """A black-and-white mask (mode "L", 255 = red ink) of the strongly red pixels, specks removed."""
    red, green, blue = image.convert("RGB").split()
    redder = ImageChops.darker(ImageChops.subtract(red, green), ImageChops.subtract(red, blue))
    mask = ImageChops.darker(redder.point(lambda v: 255 if v > RED_OVER_GREEN_AND_BLUE else 0),
                             red.point(lambda v: 255 if v > MIN_RED else 0))
    return mask.filter(ImageFilter.MinFilter(3))


def red_ink_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom, in pixels) around a page's red ink, or None when the
    page has too little of it to be a seal."""
    if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return None  # grey or black-and-white scans carry no colour
    mask = red_ink_mask(image)
    if mask.histogram()[255] < MIN_SEAL_PIXELS:
        return None
    return mask.getbbox()


def without_red_ink(image: Image.Image) -> Image.Image:
    """The page as a grey image in which red ink has (nearly) vanished: its red channel."""
    return image.convert("RGB").getchannel("R")
