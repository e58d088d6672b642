"""One BLAS thread for the command line, set before NumPy is first imported.

A command makes one brief or one analysis at a time and parallelises, where it does, with processes; OpenBLAS's
thread pool would only cost start-up (about 0.13 s of CPU to spin its threads up, half of a short brief's time).
A user's own setting wins.
"""

import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
