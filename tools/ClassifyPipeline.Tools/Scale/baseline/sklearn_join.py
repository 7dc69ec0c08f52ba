#!/usr/bin/python3
"""Baseline for the dedup scale benchmark: scikit-learn's TfidfVectorizer plus a blocked sparse X·Xᵀ threshold join.

Usage: /usr/bin/python3 sklearn_join.py corpus.jsonl|folder [threshold=0.15] [block=2000] [window_days=0]
Reads the same JSONL `classify run` reads (title + text; every *.jsonl of a folder, in name order), vectorizes with
the settings closest to the pipeline's defaults (English stop words, sublinear tf, smooth idf, L2 norm), and keeps
every pair i < j with cosine >= threshold. With window_days > 0 the articles are put in published order and each
block of rows is multiplied only by the columns published within window_days before the block's first article
(the same time window as the pipeline's dedup.windowDays); 0 compares all pairs. Prints articles, pairs, seconds
per step and articles/s. Needs Debian's python3-sklearn.
"""
import datetime
import glob
import json
import os
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer


def published(r):
    p = r.get("published")
    if not p:
        return float("inf")
    return datetime.datetime.fromisoformat(p.replace("Z", "+00:00")).timestamp()


def main():
    path = sys.argv[1]
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.15
    block = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    window_days = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    files = sorted(glob.glob(os.path.join(path, "*.jsonl"))) if os.path.isdir(path) else [path]
    t0 = time.perf_counter()
    docs = []
    times = []
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                docs.append((r.get("title") or "") + "\n" + r["text"])
                times.append(published(r))
    order = np.argsort(np.array(times), kind="stable")
    docs = [docs[i] for i in order]
    times = np.array(times)[order]
    t1 = time.perf_counter()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, smooth_idf=True, norm="l2", dtype=np.float32).fit_transform(docs)
    x = sp.csr_matrix(x)
    t2 = time.perf_counter()
    pairs = 0
    n = x.shape[0]
    window = window_days * 86400.0
    for start in range(0, n, block):
        end = min(n, start + block)
        lo = int(np.searchsorted(times, times[start] - window, side="left")) if window > 0 and np.isfinite(times[end - 1]) else 0
        s = (x[start:end] @ x[lo:end].T).tocoo()
        rows = s.row + start
        cols = s.col + lo
        keep = (s.data >= threshold) & (cols < rows)
        if window > 0:
            keep &= (times[rows] - times[cols] <= window) | ~np.isfinite(times[rows])
        pairs += int(keep.sum())
    t3 = time.perf_counter()
    print(f"articles {n} pairs {pairs} read {t1 - t0:.1f}s vectorize {t2 - t1:.1f}s join {t3 - t2:.1f}s "
          f"total {t3 - t0:.1f}s -> {n / (t3 - t0):.0f} articles/s (window {window_days:g} days)")


if __name__ == "__main__":
    main()
