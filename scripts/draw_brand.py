"""Draws ThinQ Voice's brand images (run: scripts/envrun test python scripts/draw_brand.py custom_components/thinq_voice/brand)."""

import sys

from PIL import Image, ImageDraw, ImageFont


def icon(size):
    s = size * 4  # supersample for smooth edges
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([s * 0.04, s * 0.04, s * 0.96, s * 0.96], radius=s * 0.22, fill=(165, 0, 52, 255))
    # appliance door ring
    d.ellipse([s * 0.2, s * 0.2, s * 0.8, s * 0.8], outline=(255, 255, 255, 255), width=int(s * 0.06))
    # voice bars inside
    bars = [0.16, 0.30, 0.22, 0.34, 0.18]
    w = s * 0.055
    x0 = s * 0.5 - (len(bars) * w + (len(bars) - 1) * w * 0.7) / 2
    for i, h in enumerate(bars):
        x = x0 + i * w * 1.7
        d.rounded_rectangle(
            [x, s * 0.5 - s * h / 2, x + w, s * 0.5 + s * h / 2], radius=w / 2, fill=(255, 255, 255, 255)
        )
    return img.resize((size, size), Image.LANCZOS)


def logo(height):
    ic = icon(height)

    width = int(height * 3.4)
    img = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    img.paste(ic, (0, 0), ic)
    d = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", int(height * 0.42))
    except OSError:
        font = ImageFont.load_default(size=int(height * 0.42))
    d.text((int(height * 1.1), int(height * 0.26)), "ThinQ Voice", fill=(165, 0, 52, 255), font=font)
    return img


out = sys.argv[1]
icon(256).save(f"{out}/icon.png")
icon(512).save(f"{out}/icon@2x.png")
logo(128).save(f"{out}/logo.png")
logo(256).save(f"{out}/logo@2x.png")
