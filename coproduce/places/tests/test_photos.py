import io

import pytest
from PIL import Image

from coproduce.places import photos


def _jpeg_with_gps(size=(640, 480)) -> bytes:
    image = Image.new("RGB", size, "green")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _clean(data: bytes) -> photos.CleanPhoto:
    return photos.clean(io.BytesIO(data), size=len(data))


def test_exif_and_location_are_removed():
    """A phone photo with GPS data comes out with no EXIF at all."""
    data = _jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif()
    cleaned = _clean(data)
    result = Image.open(io.BytesIO(cleaned.content))
    assert not result.getexif()
    assert b"PhoneMaker" not in cleaned.content
    assert (cleaned.width, cleaned.height, cleaned.extension) == (640, 480, "jpg")


def test_big_photos_are_scaled_down():
    """The longer side is capped, keeping the shape."""
    image = Image.new("RGB", (4800, 1200), "blue")
    out = io.BytesIO()
    image.save(out, "PNG")
    cleaned = _clean(out.getvalue())
    assert (cleaned.width, cleaned.height) == (2400, 600)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.4 not a photo", "not a photo"),
        (_jpeg_with_gps()[:200], "damaged"),
    ],
)
def test_bad_files_get_a_reason(data, message):
    """Empty, non-image and truncated files are refused with their own message."""
    with pytest.raises(photos.PhotoError, match=message):
        _clean(data)


def test_other_image_formats_are_refused():
    """A GIF is an image, but not one we take."""
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(photos.PhotoError, match="JPG, PNG or WebP"):
        _clean(out.getvalue())


def test_oversized_files_are_refused_before_decoding():
    """The size limit is checked first."""
    with pytest.raises(photos.PhotoError, match="smaller than 10 MB"):
        photos.clean(io.BytesIO(b"x"), size=photos.MAX_BYTES + 1)


def test_too_many_pixels_are_refused():
    """A small file that would decode to a huge image is refused."""
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG")
    data = out.getvalue()
    assert len(data) < photos.MAX_BYTES
    with pytest.raises(photos.PhotoError, match="too many pixels"):
        _clean(data)
