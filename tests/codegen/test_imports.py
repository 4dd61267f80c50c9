"""Exporting code never loads Qt, matplotlib, Keras or Jupyter: only the generated files may."""

import subprocess
import sys


def test_exporting_a_script_and_a_notebook_loads_no_gui_plotting_or_framework():
    code = (
        "import sys\n"
        "from nndesk.codegen import from_preset, keras_notebook, numpy_script\n"
        "e = from_preset('fashion-cnn-plus')\n"
        "numpy_script(e, 'x'); keras_notebook(e, 'x')\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "nndesk" in loaded
    assert not loaded & {"PySide6", "matplotlib", "tensorflow", "keras", "nbformat"}
