"""nndesk: draw, train and inspect a from-scratch NumPy neural network."""

import os

# OpenBLAS's worker threads spin for about 2^28 cycles after every matmul before they sleep. A CNN
# batch runs its big NumPy passes (im2col, pooling) on every core between matmuls
# (nndesk.nn.parallel), and a spinning BLAS thread takes the core they need: bench_cnn measured
# 8.5-8.7 s for 19,200 images with the default and 7.3 s with 2^4. Read once, when NumPy loads
# OpenBLAS, so it only takes effect when nndesk is imported first (the CLI and the app are); a
# value the user set wins.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")

__version__ = "0.1.0"
