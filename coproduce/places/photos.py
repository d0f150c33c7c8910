"""Checking and cleaning uploaded photos. No Django import.

Every photo is decoded and saved again by Pillow. That checks it really is an image, and
drops EXIF and other metadata, which can hold the exact place a phone took it.
"""

import io
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # above this, decoding could be used to exhaust memory
MAX_SIDE = 2400  # longer sides are scaled down: plenty for a web page
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class PhotoError(ValueError):
    """A file we cannot take as a photo; the message says why in plain words."""


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    extension: str
    width: int
    height: int


def clean(file: BinaryIO, *, size: int) -> CleanPhoto:
    """Check an upload and return it re-encoded without metadata, or raise PhotoError."""
    if size > MAX_BYTES:
        raise PhotoError(f"The photo must be smaller than {MAX_BYTES // (1024 * 1024)} MB")
    if size == 0:
        raise PhotoError("The file is empty")
    try:
        with Image.open(file) as probe:
            image_format = probe.format
            if image_format not in FORMATS:
                raise PhotoError("The photo must be a JPG, PNG or WebP file")
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError("The photo has too many pixels. Use a smaller one")
            probe.verify()
        file.seek(0)
        with Image.open(file) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # keep it the right way up, then drop EXIF
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            return _encode(image, image_format)
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoError("The file is not a photo we can read. Use a JPG, PNG or WebP") from None
    except (OSError, SyntaxError, ValueError):
        # Pillow reports damaged files with these.
        raise PhotoError("The photo file is damaged. Try saving it again") from None


def _encode(image: Image.Image, image_format: str) -> CleanPhoto:
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=85, optimize=True)
    elif image_format == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=85)
    return CleanPhoto(out.getvalue(), FORMATS[image_format], image.width, image.height)
