#!/usr/bin/env python3
"""The scipy side of compare-scipy.sh: reads two x,y,z point files, builds the squared-Euclidean
cost matrix and solves it with scipy.optimize.linear_sum_assignment; prints one JSON line with
the total squared distance and the times of the matrix build and of the solve."""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist


def read(path):
    with open(path, encoding="utf-8-sig") as f:
        header = [h.strip().lower().split(" ")[0].split("[")[0] for h in f.readline().split(",")]
    cols = [header.index(c) for c in ("x", "y", "z")]
    return np.loadtxt(path, delimiter=",", skiprows=1, usecols=cols, ndmin=2)


def main():
    a, b = read(sys.argv[1]), read(sys.argv[2])
    t0 = time.perf_counter()
    c = cdist(a, b, "sqeuclidean")
    t1 = time.perf_counter()
    rows, cols = linear_sum_assignment(c)
    t2 = time.perf_counter()
    print(json.dumps({"n": len(a), "cost": float(c[rows, cols].sum()), "buildSeconds": t1 - t0,
                      "solveSeconds": t2 - t1, "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
