#!/usr/bin/python3
"""Write the Keras HDF5 files of the hostile-model corpus (HostileModelFilesTest), with h5py + numpy.

  with-training.h5   the dense fixture plus a training_config (categorical cross-entropy, Adam):
                     imports with its loss
  lambda.h5          a Sequential model with a Lambda layer (code Keras would run on load)
  unknown-layer.h5   a Sequential model with a layer class no importer knows
  huge-layer.h5      a Dense layer declaring 2,000,000,000 units (no weights stored)
  not-keras.h5       a valid HDF5 file with one dataset and no Keras attributes
  segfault.h5        not written here: ../keras/conv.h5 with bytes changed by a fuzzer (Python's
                     random.Random(52): 1 to 64 random bytes set or inverted); javacpp's libhdf5
                     1.12 crashes on it with SIGSEGV (libhdf5.so.200+0x1cb81c)
Run with Debian's python3 (python3-h5py): /usr/bin/python3 make_hostile_keras_fixtures.py
"""
import json
import sys
from pathlib import Path

import h5py
import numpy as np

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent / "keras"))
import make_keras_fixtures as k  # noqa: E402  (writes its own fixtures again, unchanged)

rng = np.random.default_rng(7)
k1, b1, k2, b2 = k.draw(rng, (4, 5), (5,), (5, 3), (3,))
dense_layers = [k.input_layer("dense_input", [None, 4]), k.dense("dense", 5, "relu", [None, 4]),
                k.dense("dense_1", 3, "softmax")]
dense_weights = {"dense": [("kernel", k1), ("bias", b1)], "dense_1": [("kernel", k2), ("bias", b2)]}

k.write_model(OUT / "with-training.h5", "sequential", dense_layers, dense_weights)
training = {"loss": "categorical_crossentropy", "metrics": ["accuracy"], "loss_weights": None,
            "optimizer_config": {"class_name": "Adam", "config": {"name": "Adam", "learning_rate": 0.001,
                                                                  "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
                                                                  "amsgrad": False, "decay": 0.0}}}
with h5py.File(OUT / "with-training.h5", "a") as f:
    f.attrs["training_config"] = np.bytes_(json.dumps(training).encode("utf-8"))

lam = k.common("lambda")
lam.update({"function": ["4wEAAAAAAAAAAQAAAAIAAABDAAAAcwgAAAB8AGQBFABTACkCTukCAAAAqQApAdoBeHIBAAAAcgEAAAD6AHIDAAAAAQAAAHMAAAAA", None, None],
            "function_type": "lambda", "module": "__main__", "output_shape": None, "output_shape_type": "raw",
            "arguments": {}})
k.write_model(OUT / "lambda.h5", "sequential",
              [k.input_layer("dense_input", [None, 4]), k.dense("dense", 5, "relu", [None, 4]),
               {"class_name": "Lambda", "config": lam}, k.dense("dense_1", 3, "softmax")],
              {"dense": [("kernel", k1), ("bias", b1)], "lambda": [], "dense_1": [("kernel", k2), ("bias", b2)]})

odd = k.common("odd")
k.write_model(OUT / "unknown-layer.h5", "sequential",
              [k.input_layer("dense_input", [None, 4]), k.dense("dense", 5, "relu", [None, 4]),
               {"class_name": "QuantumEntangler", "config": odd}],
              {"dense": [("kernel", k1), ("bias", b1)], "odd": []})

k.write_model(OUT / "huge-layer.h5", "sequential",
              [k.input_layer("dense_input", [None, 4]), k.dense("dense", 2_000_000_000, "relu", [None, 4])],
              {"dense": []})

with h5py.File(OUT / "not-keras.h5", "w") as f:
    f.create_dataset("measurements", data=np.arange(12, dtype=np.float32).reshape(3, 4))

for n in ("with-training.h5", "lambda.h5", "unknown-layer.h5", "huge-layer.h5", "not-keras.h5"):
    print(n, (OUT / n).stat().st_size, "bytes")
