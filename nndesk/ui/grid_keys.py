"""The keys that walk a grid of pictures (the confusion matrix's cells, the robustness strips'
images) and open the one in hand, and the focus frame such a grid draws round itself."""

from PySide6.QtCore import Qt

#: the arrows' steps: (rows, columns)
ARROW_STEPS = {
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
}
#: the keys that open the current picture
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
FOCUS_FRAME = 2  # px of the frame drawn round the grid while it has the keyboard's focus
