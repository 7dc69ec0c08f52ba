#!/usr/bin/python3
"""Baseline for the dedup scale benchmark: scikit-learn's TfidfVectorizer plus a blocked sparse X·Xᵀ threshold join.

Usage: /usr/bin/python3 sklearn_join.py corpus.jsonl [threshold=0.15] [block=2000]
Reads the same JSONL `classify run` reads (title + text), vectorizes with the settings closest to the
pipeline's defaults (English stop words, sublinear tf, smooth idf, L2 norm), and keeps every pair i < j with
cosine >= threshold. Prints articles, pairs, seconds per step and articles/s. Needs Debian's python3-sklearn.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    path = sys.argv[1]
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.15
    block = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    t0 = time.perf_counter()
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.append((r.get("title") or "") + "\n" + r["text"])
    t1 = time.perf_counter()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, smooth_idf=True, norm="l2", dtype=np.float32).fit_transform(docs)
    x = sp.csr_matrix(x)
    xt = x.T.tocsr()
    t2 = time.perf_counter()
    pairs = 0
    n = x.shape[0]
    for start in range(0, n, block):
        s = (x[start:start + block] @ xt).tocoo()
        keep = (s.data >= threshold) & (s.row + start < s.col)
        pairs += int(keep.sum())
    t3 = time.perf_counter()
    print(f"articles {n} pairs {pairs} read {t1 - t0:.1f}s vectorize {t2 - t1:.1f}s join {t3 - t2:.1f}s "
          f"total {t3 - t0:.1f}s -> {n / (t3 - t0):.0f} articles/s")


if __name__ == "__main__":
    main()
