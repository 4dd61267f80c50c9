"""Qt widgets only: the window, the canvas, the prediction and "Why" views. No math here."""
