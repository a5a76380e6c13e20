#!/usr/bin/python3
"""Copy CC0 / public-domain photographs from Debian's python3-skimage.

Each image below was checked by hand against the docstring of its loader
function in skimage/data/_fetchers.py (python3-skimage 0.19.3-8).
Pixels are decoded and re-saved as PNG unchanged (colour stays colour,
grey stays grey; the two JPEG sources are decoded once, losslessly stored).
Embedded metadata (ICC profile, EXIF, XMP, comments, dpi) is dropped.
"""
from pathlib import Path

from PIL import Image

SRC = Path("/usr/lib/python3/dist-packages/skimage/data")
DST = Path(__file__).resolve().parent

# output name -> file shipped in the Debian package
PHOTOS = {
    "astronaut.png": "astronaut.png",
    "camera.png": "camera.png",
    "chelsea.png": "chelsea.png",
    "coffee.png": "coffee.png",
    "rocket.png": "rocket.jpg",
    "hubble_deep_field.png": "hubble_deep_field.jpg",
}

for out, src in PHOTOS.items():
    with Image.open(SRC / src) as im:
        im.load()
        mode = im.mode
        assert mode in ("RGB", "L"), (src, mode)
        # Rebuild from raw pixels so no metadata is carried over.
        clean = Image.frombytes(mode, im.size, im.tobytes())
    clean.save(DST / out, format="PNG", optimize=True)
    print(f"{out}: {clean.size[0]}x{clean.size[1]} {mode}")
