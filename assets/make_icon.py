"""Regenerate assets/nndesk.svg and assets/nndesk.png (256x256): a tiny network reading a "7".

python assets/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = 256
BG, INK, EDGE, NODE, HOT = "#1f2a44", "#ffffff", "#7f93c4", "#cfd8ee", "#ff8a3d"

LAYERS = [  # x, node ys
    (136, (70, 110, 150, 190)),
    (180, (90, 130, 170)),
    (220, (110, 150)),
]
SEVEN = [(36, 70), (98, 70), (62, 190)]  # the drawn digit on the left


def edges():
    for (x0, ys0), (x1, ys1) in zip(LAYERS, LAYERS[1:], strict=False):
        for y0 in ys0:
            for y1 in ys1:
                yield x0, y0, x1, y1


def svg() -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}">',
        f'<rect x="8" y="8" width="240" height="240" rx="44" fill="{BG}"/>',
        '<polyline points="{}" fill="none" stroke="{}" stroke-width="18" '
        'stroke-linecap="round" stroke-linejoin="round"/>'.format(
            " ".join(f"{x},{y}" for x, y in SEVEN), INK
        ),
    ]
    parts += [
        f'<line x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="{EDGE}" stroke-width="3"/>'
        for a, b, c, d in edges()
    ]
    for i, (x, ys) in enumerate(LAYERS):
        for j, y in enumerate(ys):
            fill = HOT if i == len(LAYERS) - 1 and j == 0 else NODE
            parts.append(f'<circle cx="{x}" cy="{y}" r="11" fill="{fill}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def png(scale: int = 4) -> Image.Image:
    """Drawn 4x larger then reduced, for smooth edges without an SVG renderer."""
    s = scale
    image = Image.new("RGBA", (SIZE * s, SIZE * s), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=BG)
    pts = [(x * s, y * s) for x, y in SEVEN]
    d.line(pts, fill=INK, width=18 * s, joint="curve")
    for x, y in (pts[0], pts[-1]):
        d.ellipse((x - 9 * s, y - 9 * s, x + 9 * s, y + 9 * s), fill=INK)
    for a, b, c, e in edges():
        d.line((a * s, b * s, c * s, e * s), fill=EDGE, width=3 * s)
    for i, (x, ys) in enumerate(LAYERS):
        for j, y in enumerate(ys):
            fill = HOT if i == len(LAYERS) - 1 and j == 0 else NODE
            d.ellipse(((x - 11) * s, (y - 11) * s, (x + 11) * s, (y + 11) * s), fill=fill)
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    (HERE / "nndesk.svg").write_text(svg())
    png().save(HERE / "nndesk.png")
    print(HERE / "nndesk.svg", HERE / "nndesk.png")
