#!/usr/bin/python3
"""Cut a small, reproducible subset out of Debian's Fashion-MNIST.

Source: /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)
Subset: the FIRST 10,000 training examples and the FIRST 2,000 test
examples, in their original order (no shuffling, no filtering).
Output: standard IDX files (big-endian header), gzip-compressed with
mtime=0 and no stored file name, so re-running gives identical bytes.
"""
import gzip
import struct
from pathlib import Path

import numpy as np

SRC = Path("/usr/share/datasets/fashion-mnist")
DST = Path(__file__).resolve().parent
N_TRAIN, N_TEST = 10_000, 2_000


def read_idx(path):
    """Read a gzip IDX file of unsigned bytes; return (magic, ndarray)."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, = struct.unpack(">I", raw[:4])
    assert magic >> 8 == 0x08, "expected unsigned-byte IDX"   # type 0x08 = ubyte
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    return magic, data.reshape(dims)


def write_idx(path, arr):
    """Write ndarray of uint8 as a gzip IDX file (magic 0x0000080N)."""
    arr = np.ascontiguousarray(arr, dtype=np.uint8)
    header = struct.pack(">I", 0x00000800 | arr.ndim)
    header += struct.pack(">" + "I" * arr.ndim, *arr.shape)
    with open(path, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f,
                                              compresslevel=9, mtime=0) as gz:
        gz.write(header + arr.tobytes())


jobs = [  # (source prefix, destination prefix, number of examples kept)
    ("train", "train", N_TRAIN),
    ("t10k", "test", N_TEST),
]
for src, dst, n in jobs:
    _, images = read_idx(SRC / f"{src}-images-idx3-ubyte.gz")
    _, labels = read_idx(SRC / f"{src}-labels-idx1-ubyte.gz")
    assert images.shape[1:] == (28, 28) and len(images) == len(labels)
    write_idx(DST / f"{dst}-images-idx3-ubyte.gz", images[:n])
    write_idx(DST / f"{dst}-labels-idx1-ubyte.gz", labels[:n])

# Verify: re-read what was written and check headers, sizes and contents.
for src, dst, n in jobs:
    mi, images = read_idx(DST / f"{dst}-images-idx3-ubyte.gz")
    ml, labels = read_idx(DST / f"{dst}-labels-idx1-ubyte.gz")
    assert mi == 0x00000803 and images.shape == (n, 28, 28)
    assert ml == 0x00000801 and labels.shape == (n,)
    _, orig = read_idx(SRC / f"{src}-labels-idx1-ubyte.gz")
    assert np.array_equal(labels, orig[:n])
    counts = np.bincount(labels, minlength=10)
    print(f"{dst}: {n} examples, per-class counts {counts.tolist()}")
