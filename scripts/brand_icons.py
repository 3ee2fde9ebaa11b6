"""Draw the AI Automation brand icons (icon.png 256x256, icon@2x.png 512x512).

A house outline holding a small trigger -> action graph, on a rounded teal square.
Run `.venv/bin/python scripts/brand_icons.py`; it overwrites the files under brand/.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = Path(__file__).resolve().parent.parent / "custom_components" / "ai_automation" / "brand"
SCALE = 4  # draw large, then shrink: smooth edges without an anti-aliasing library
WHITE = (255, 255, 255, 255)
AMBER = (255, 193, 7, 255)


def draw(size: int) -> Image.Image:
    """Return the icon at `size` pixels square."""
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    unit = big / 512

    def p(x: float, y: float) -> tuple[float, float]:
        return (x * unit, y * unit)

    # Background: rounded square with a vertical teal-to-blue gradient.
    gradient = Image.new("RGBA", (big, big))
    pixels = ImageDraw.Draw(gradient)
    for row in range(big):
        t = row / (big - 1)
        colour = (int(0 + 25 * t), int(150 - 40 * t), int(170 + 40 * t), 255)
        pixels.line([(0, row), (big, row)], fill=colour)
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).rounded_rectangle([p(16, 16), p(496, 496)], radius=96 * unit, fill=255)
    image.paste(gradient, (0, 0), mask)

    pen = ImageDraw.Draw(image)
    stroke = round(26 * unit)
    # House: roof and walls as one outline.
    outline = [p(112, 236), p(256, 108), p(400, 236), p(400, 404), p(112, 404), p(112, 236)]
    pen.line(outline, fill=WHITE, width=stroke, joint="curve")
    for x, y in (outline[0], outline[2], outline[3], outline[4]):
        r = stroke / 2
        pen.ellipse([x - r, y - r, x + r, y + r], fill=WHITE)

    # Trigger -> action graph inside the house.
    nodes = [p(180, 330), p(256, 256), p(332, 330)]
    pen.line([nodes[0], nodes[1], nodes[2]], fill=WHITE, width=round(14 * unit), joint="curve")
    for index, (x, y) in enumerate(nodes):
        r = (30 if index == 1 else 24) * unit
        pen.ellipse([x - r, y - r, x + r, y + r], fill=AMBER if index == 1 else WHITE)

    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write both icon sizes."""
    BRAND.mkdir(parents=True, exist_ok=True)
    draw(256).save(BRAND / "icon.png", optimize=True)
    draw(512).save(BRAND / "icon@2x.png", optimize=True)


if __name__ == "__main__":
    main()
