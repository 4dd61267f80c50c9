"""nndesk: draw, train and inspect a from-scratch NumPy neural network."""

__version__ = "0.1.0"
