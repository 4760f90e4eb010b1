"""Content codes by the ISCC reference implementation (iscc-core), for the conformance test.

Reads a JSON request on stdin and answers on stdout:
  {"texts": [str], "pixels": [[int]], "images": [path]}
  -> {"texts": [iscc], "pixels": [iscc], "images": [iscc or null], "samples": {...}}
Images are brought to 32 x 32 grey pixels as the ISCC SDK does, with Pillow: upright by their
orientation tag, transparency over white, grey ("L"), bicubic resampling.
"""

import json
import sys

import iscc_core
import iscc_samples
from PIL import Image, ImageOps


def image_pixels(path):
    with Image.open(path) as img:
        img = ImageOps.exif_transpose(img)
        if img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info):
            img = img.convert("RGBA")
            white = Image.new("RGBA", img.size, (255, 255, 255, 255))
            img = Image.alpha_composite(white, img)
        img = img.convert("L").resize((32, 32), Image.Resampling.BICUBIC)
        return list(img.tobytes())


def image_code(path):
    try:
        return iscc_core.gen_image_code_v0(image_pixels(path), bits=64)["iscc"]
    except Exception:
        return None


def main():
    request = json.load(sys.stdin)
    answer = {
        "texts": [iscc_core.gen_text_code_v0(t, bits=64)["iscc"] for t in request["texts"]],
        "pixels": [iscc_core.gen_image_code_v0(p, bits=64)["iscc"] for p in request["pixels"]],
        "images": [image_code(p) for p in request["images"]],
        "samples": {
            "texts": [str(p) for p in iscc_samples.texts()],
            "images": [str(p) for p in iscc_samples.images()],
        },
    }
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
