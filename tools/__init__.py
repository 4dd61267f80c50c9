"""Developer tools kept out of the runtime package: the weight builder, the README's screenshots
and the rendered mouse drawings the shipped models are checked against.

Run them from the repository root, e.g. ``python -m tools.build_weights --data-root DIR``.
"""
