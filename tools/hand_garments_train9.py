"""A ninth hand-drawn garment set, for TRAINING only (issue 17, round 31's ninth hand).

``tools.hand_garments`` is the check (never trained on), ``tools.fresh_garments`` the fresh
check (never trained on, never chosen with) and the fifth to eighth sets the unseen hands (read
as a check of whether training carries to a hand never trained on). This set is drawn as the
kinds of tops every candidate since round 27 reads worst: coats, T-shirts / tops and pullovers
drawn as **blocks** (a filled silhouette without inner lines, the opening of a coat left out),
**hooded** (a raincoat, a parka, a hoodie), **small and off-centre** (in a corner, a fifth to a
half of the canvas) and **scribbled** (a zigzag inside an outline, gaps left). What tells a coat
block from a pullover block is in the silhouette alone: a coat reaches the knees (its hem at
0.8-0.95 of the canvas' height when drawn large), its sleeves a hand's length above its hem; a
pullover or hoodie stops at the hips, its sleeves level with its hem. Tops without sleeves are
camisoles (two thin straps over a flared body) and tanks (wide straps), the kind read as
Trouser by every smoothed candidate.

30 drawings: Coat 12, T-shirt/top 10, Pullover 8. Filled 19, scribble 7, outline 4 (the
outlined coat keeps its zip line and pockets, the filled one with its line erased back is the
one block that keeps it); white on black 15, black on white 15; pens 6-30 px.

Its author (round 31's helper) read the format (``HandDrawing`` and ``_h`` in
``tools.hand_garments``, the eighth set's docstring), not the check's or the fresh check's
drawings, and typed every point: no formula, loop, seed or template is shared between
drawings. Strokes in canvas pixels (x right, y down) on the 280x280 canvas, "x,y x,y ..." per
stroke and ``|`` between strokes; ``filled`` drawings then click the Fill tool inside a closed
outline (one drawing draws its opening line and belt back with the eraser); ``scribble``
drawings scribble back and forth inside. weights/README.md (thirty-first round) says how it was
kept apart from the judged drawings.

The set was committed before any model read it or trained on it.

Plain data, no NumPy, no Qt.
"""

from __future__ import annotations

from tools.hand_garments import POLARITIES, HandDrawing, _h

W, B = POLARITIES


# fmt: off
HAND_TRAIN9_GARMENTS: tuple[HandDrawing, ...] = (
    # -- 4 Coat: long blocks, hooded, small, scribbled ------------------------------------------
    _h("n9-coat-block-long", 4, "filled", 20, W,
       "126,34 88,42 60,62 42,196 66,202 84,104 82,252 198,252 196,104 214,202 238,196 "
       "220,62 192,42 154,34 140,50 126,34",
       fill="140,150"),
    _h("n9-coat-small-left", 4, "filled", 12, B,
       "60,24 40,30 26,44 16,132 32,136 40,76 40,176 106,176 106,76 112,136 128,132 118,44 "
       "104,30 84,24 72,36 60,24",
       fill="72,110"),
    _h("n9-raincoat-hood", 4, "filled", 16, W,
       "118,58 108,36 116,20 140,14 164,20 172,36 162,58 200,66 224,86 240,206 216,212 "
       "200,116 202,258 78,258 80,116 64,212 40,206 56,86 80,66 118,58",
       fill="140,160"),
    _h("n9-hood-coat-small", 4, "filled", 10, B,
       "196,134 190,120 196,110 208,106 220,110 226,120 220,134 238,140 252,156 262,244 "
       "248,248 240,176 240,268 176,268 176,176 168,248 154,244 164,156 178,140 196,134",
       fill="208,210"),
    _h("n9-parka-scribble", 4, "scribble", 12, W,
       "120,62 112,40 122,24 140,18 158,24 168,40 160,62 196,70 218,90 234,212 212,218 "
       "196,120 198,254 82,254 84,120 68,218 46,212 62,90 84,70 120,62 | "
       "92,90 188,94 90,116 190,120 88,146 192,150 88,176 194,180 86,206 194,210 86,236 "
       "194,240 | 66,106 78,118 58,150 76,160 52,196 70,204 | "
       "214,106 202,118 222,150 204,160 228,196 212,204 | 126,30 154,30 124,44 156,46"),
    _h("n9-coat-scribble-thick", 4, "scribble", 28, B,
       "122,40 82,48 56,70 34,214 68,222 90,118 88,258 192,258 190,118 212,222 246,214 "
       "224,70 198,48 158,40 140,62 122,40 | "
       "100,80 180,84 96,130 184,134 96,180 184,184 98,232 182,236 | 60,110 56,170 46,206 | "
       "220,110 224,170 234,206"),
    _h("n9-trench-wide", 4, "filled", 30, B,
       "124,30 80,40 50,66 28,204 62,212 84,112 60,262 220,262 196,112 218,212 252,204 "
       "230,66 200,40 156,30 140,50 124,30",
       fill="140,170"),
    _h("n9-coat-hood-outline", 4, "outline", 8, W,
       "122,60 114,38 124,22 140,16 156,22 166,38 158,60 194,68 216,88 230,214 208,218 "
       "194,118 196,256 84,256 86,118 72,218 50,214 64,88 86,68 122,60 | 140,60 140,256 | "
       "98,190 124,190 | 156,190 182,190"),
    _h("n9-coat-tiny-corner", 4, "filled", 6, W,
       "220,16 206,20 198,30 190,92 200,94 206,54 206,118 250,118 250,54 254,94 264,92 "
       "256,30 248,20 234,16 227,26 220,16",
       fill="228,80"),
    _h("n9-coat-scribble-small", 4, "scribble", 8, B,
       "68,104 48,110 34,124 22,226 40,230 48,160 48,266 118,266 118,160 124,230 140,226 "
       "130,124 116,110 96,104 82,118 68,104 | "
       "54,138 112,140 54,160 112,164 52,186 114,190 52,212 114,216 52,240 114,244 | "
       "36,150 32,200 | 128,150 132,200"),
    _h("n9-coat-filled-line", 4, "filled", 18, B,
       "128,36 90,44 62,66 46,200 70,206 86,108 82,254 198,254 194,108 210,206 234,200 "
       "218,66 190,44 152,36 140,54 128,36",
       fill="140,150",
       erase="140,58 140,250 | 92,150 188,150", erase_pen=8),
    _h("n9-coat-aline", 4, "filled", 24, W,
       "118,32 86,40 64,60 44,190 68,196 90,100 70,250 210,250 190,100 212,196 236,190 "
       "216,60 194,40 162,32 150,70 140,76 130,70 118,32",
       fill="140,160"),
    # -- 0 T-shirt/top: camisoles, tanks, tees as blocks -----------------------------------------
    _h("n9-cami-filled", 0, "filled", 14, W,
       "104,96 122,110 158,110 176,96 186,132 194,240 86,240 94,132 104,96 | "
       "106,98 114,40 | 174,98 166,40",
       fill="140,170"),
    _h("n9-cami-small", 0, "filled", 10, B,
       "186,70 200,78 220,78 234,70 240,92 246,150 174,150 180,92 186,70 | 188,72 192,32 | "
       "232,72 228,32",
       fill="210,115"),
    _h("n9-tank-filled", 0, "filled", 22, B,
       "92,40 114,40 120,90 160,90 166,40 188,40 192,100 200,250 80,250 88,100 92,40",
       fill="140,160"),
    _h("n9-cami-scribble", 0, "scribble", 8, W,
       "100,90 120,104 160,104 180,90 190,130 200,246 80,246 90,130 100,90 | 104,92 112,36 | "
       "176,92 168,36 | 96,122 184,124 92,150 190,152 90,178 192,180 88,206 194,208 86,232 "
       "196,234"),
    _h("n9-tee-block", 0, "filled", 26, W,
       "112,40 70,52 26,94 52,138 82,118 80,244 200,244 198,118 228,138 254,94 210,52 "
       "168,40 140,60 112,40",
       fill="140,150"),
    _h("n9-tee-small-left", 0, "filled", 12, B,
       "58,92 38,98 16,118 28,140 44,130 44,208 108,208 108,130 124,140 136,118 114,98 "
       "94,92 76,104 58,92",
       fill="76,160"),
    _h("n9-tee-scribble", 0, "scribble", 16, B,
       "114,46 76,58 36,96 60,136 88,118 86,240 194,240 192,118 220,136 244,96 204,58 "
       "166,46 140,64 114,46 | "
       "96,90 184,92 94,124 186,126 94,158 186,160 94,192 186,194 96,226 184,228 | "
       "56,90 74,114 | 224,90 206,114"),
    _h("n9-tee-arms-out", 0, "filled", 20, W,
       "110,60 60,66 14,70 16,112 76,108 80,236 200,236 204,108 264,112 266,70 220,66 "
       "170,60 140,80 110,60",
       fill="140,150"),
    _h("n9-crop-top", 0, "outline", 6, W,
       "108,80 70,88 40,116 58,140 84,128 84,196 196,196 196,128 222,140 240,116 210,88 "
       "172,80 140,98 108,80"),
    _h("n9-cami-outline", 0, "outline", 10, B,
       "98,100 118,112 162,112 182,100 188,140 196,238 84,238 92,140 98,100 | "
       "100,102 106,46 | 180,102 174,46"),
    # -- 2 Pullover: hoodies and sweaters that stop at the hips ----------------------------------
    _h("n9-hoodie-block", 2, "filled", 18, W,
       "118,64 108,42 118,24 140,18 162,24 172,42 162,64 198,72 222,96 236,212 210,218 "
       "196,124 198,224 82,224 84,124 70,218 44,212 58,96 82,72 118,64",
       fill="140,150"),
    _h("n9-hoodie-small", 2, "filled", 10, B,
       "58,38 54,26 60,16 70,14 80,16 86,26 82,38 100,42 112,54 120,122 106,124 100,74 "
       "100,128 40,128 40,74 34,124 20,122 28,54 40,42 58,38",
       fill="70,90"),
    _h("n9-pull-block", 2, "filled", 28, W,
       "116,50 76,60 48,84 30,214 62,220 84,116 82,226 198,226 196,116 218,220 250,214 "
       "232,84 204,60 164,50 140,62 116,50",
       fill="140,150"),
    _h("n9-pull-scribble", 2, "scribble", 14, B,
       "118,56 80,64 54,86 38,206 64,212 86,118 84,222 196,222 194,118 216,212 242,206 "
       "226,86 200,64 162,56 140,68 118,56 | "
       "96,92 184,94 94,122 186,124 94,152 186,154 94,182 186,184 96,210 184,212 | "
       "60,110 52,150 46,196 | 220,110 228,150 234,196"),
    _h("n9-hoodie-scribble", 2, "scribble", 22, W,
       "120,70 110,46 120,28 140,22 160,28 170,46 160,70 196,78 220,100 234,214 208,220 "
       "194,128 196,228 84,228 86,128 72,220 46,214 60,100 84,78 120,70 | "
       "100,104 180,106 98,140 182,142 98,176 182,178 100,212 180,214 | 128,40 152,40 | "
       "66,120 58,180 | 214,120 222,180"),
    _h("n9-pull-small-corner", 2, "filled", 8, B,
       "200,152 182,158 170,170 160,258 174,260 180,196 180,262 246,262 246,196 252,260 "
       "266,258 256,170 244,158 226,152 213,162 200,152",
       fill="213,215"),
    _h("n9-pull-arms-out", 2, "filled", 20, B,
       "112,70 70,76 12,84 12,122 78,118 82,222 198,222 202,118 268,122 268,84 210,76 "
       "168,70 140,86 112,70",
       fill="140,150"),
    _h("n9-sweater-outline", 2, "outline", 6, W,
       "116,58 78,66 52,88 38,210 64,216 84,120 84,226 196,226 196,120 216,216 242,210 "
       "228,88 202,66 164,58 140,70 116,58 | 84,210 196,210 | 40,196 64,200 | 216,200 240,196"),
)
# fmt: on
