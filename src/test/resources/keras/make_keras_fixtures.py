#!/usr/bin/python3
"""Write tiny Keras 2.x HDF5 full-model fixtures without Keras (h5py + numpy).

Outputs (next to this script):
  dense.h5 / dense.expected.json  Sequential: Input(4) -> Dense(5, relu) -> Dense(3, softmax)
  conv.h5  / conv.expected.json   Sequential: Input(8,8,1) -> Conv2D(2, 3x3, valid, relu)
                                  -> Flatten -> Dense(3, softmax)

File layout follows what Keras 2.x `model.save('x.h5')` produces and what
DL4J's KerasModelImport (Hdf5Archive / KerasModelBuilder / KerasModelUtils)
reads:
  /  attrs: keras_version, backend, model_config (JSON)  -- all written as
            fixed-length byte strings, because DL4J copies the attribute's
            raw bytes (keras_version into a 5-byte buffer, hence "2.4.0").
  /model_weights  attrs: layer_names, backend, keras_version
  /model_weights/<layer>  attr weight_names, e.g. [b'dense/kernel:0', b'dense/bias:0']
  /model_weights/<layer>/<layer>/kernel:0 and .../bias:0  (float32 datasets)
The InputLayer appears in model_config but has no weight group (as in Keras).
Kernel layouts are Keras': Dense (in, out); Conv2D (kh, kw, in_ch, out_ch).

Weights: numpy default_rng(seed).uniform(-1, 1) cast to float32, drawn in
layer order, kernel before bias. Expected outputs are computed here with
numpy in float64 from those float32 weights and float32 inputs.
"""
import json
from pathlib import Path

import h5py
import numpy as np

OUT = Path(__file__).resolve().parent
KERAS_VERSION = "2.4.0"   # must be exactly 5 characters for DL4J's reader
BACKEND = "tensorflow"


# ---------------------------------------------------------------- configs
def glorot():
    return {"class_name": "GlorotUniform", "config": {"seed": None}}


def zeros():
    return {"class_name": "Zeros", "config": {}}


def input_layer(name, batch_input_shape):
    return {"class_name": "InputLayer",
            "config": {"batch_input_shape": batch_input_shape, "dtype": "float32",
                       "sparse": False, "ragged": False, "name": name}}


def common(name, batch_input_shape=None):
    cfg = {"name": name, "trainable": True}
    if batch_input_shape is not None:  # Keras repeats it on the first layer
        cfg["batch_input_shape"] = batch_input_shape
    cfg["dtype"] = "float32"
    return cfg


def weight_keys(activation):
    return {"activation": activation, "use_bias": True,
            "kernel_initializer": glorot(), "bias_initializer": zeros(),
            "kernel_regularizer": None, "bias_regularizer": None,
            "activity_regularizer": None, "kernel_constraint": None,
            "bias_constraint": None}


def dense(name, units, activation, batch_input_shape=None):
    cfg = common(name, batch_input_shape)
    cfg["units"] = units
    cfg.update(weight_keys(activation))
    return {"class_name": "Dense", "config": cfg}


def conv2d(name, filters, kernel, activation, batch_input_shape=None):
    cfg = common(name, batch_input_shape)
    cfg.update({"filters": filters, "kernel_size": list(kernel), "strides": [1, 1],
                "padding": "valid", "data_format": "channels_last",
                "dilation_rate": [1, 1], "groups": 1})
    cfg.update(weight_keys(activation))
    return {"class_name": "Conv2D", "config": cfg}


def flatten(name):
    cfg = common(name)
    cfg["data_format"] = "channels_last"
    return {"class_name": "Flatten", "config": cfg}


# ---------------------------------------------------------------- writer
def write_model(path, model_name, layer_cfgs, weights):
    """layer_cfgs: Keras layer configs (InputLayer first);
    weights: {layer name: [(param name, float32 array), ...]} for every
    non-input layer, in order (empty list for layers without weights)."""
    model_config = {"class_name": "Sequential",
                    "config": {"name": model_name, "layers": layer_cfgs}}
    with h5py.File(path, "w", libver="earliest", track_order=False) as f:
        # np.bytes_ -> fixed-length HDF5 string (what DL4J can read)
        f.attrs["keras_version"] = np.bytes_(KERAS_VERSION)
        f.attrs["backend"] = np.bytes_(BACKEND)
        f.attrs["model_config"] = np.bytes_(json.dumps(model_config).encode("utf-8"))
        mw = f.create_group("model_weights")
        mw.attrs["layer_names"] = np.array([n.encode() for n in weights], dtype="S")
        mw.attrs["backend"] = np.bytes_(BACKEND)
        mw.attrs["keras_version"] = np.bytes_(KERAS_VERSION)
        for lname, params in weights.items():
            g = mw.create_group(lname)
            names = [f"{lname}/{p}:0".encode() for p, _ in params]
            # Keras stores an empty list for weightless layers (Flatten)
            g.attrs["weight_names"] = np.array(names, dtype="S") if names else np.array([])
            for (p, arr), wname in zip(params, names):
                g.create_dataset(wname.decode(), data=arr.astype(np.float32),
                                 track_times=False)


def draw(rng, *shapes):
    return [rng.uniform(-1.0, 1.0, size=s).astype(np.float32) for s in shapes]


# ---------------------------------------------------------------- numpy forward
def relu(x):
    return np.maximum(x, 0.0)


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def conv2d_valid(x, k, b):
    """x: (N,H,W,C) NHWC; k: (kh,kw,C,F). Cross-correlation as in Keras."""
    n, h, w, _ = x.shape
    kh, kw, _, nf = k.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, nf))
    for i in range(h - kh + 1):
        for j in range(w - kw + 1):
            patch = x[:, i:i + kh, j:j + kw, :]               # (N,kh,kw,C)
            out[:, i, j, :] = np.tensordot(patch, k, axes=([1, 2, 3], [0, 1, 2]))
    return out + b


def f64(a):
    return a.astype(np.float64)


def dump(path, payload):
    path.write_text(json.dumps(payload, indent=1) + "\n")


# ---------------------------------------------------------------- dense model
k1, b1, k2, b2 = draw(np.random.default_rng(7), (4, 5), (5,), (5, 3), (3,))
write_model(OUT / "dense.h5", "sequential",
            [input_layer("dense_input", [None, 4]),
             dense("dense", 5, "relu", [None, 4]),
             dense("dense_1", 3, "softmax")],
            {"dense": [("kernel", k1), ("bias", b1)],
             "dense_1": [("kernel", k2), ("bias", b2)]})
x = np.random.default_rng(99).uniform(-1.0, 1.0, size=(3, 4)).astype(np.float32)
y = softmax(relu(f64(x) @ f64(k1) + f64(b1)) @ f64(k2) + f64(b2))
dump(OUT / "dense.expected.json", {
    "model": "dense.h5",
    "note": "Rows are examples. Weights: default_rng(7).uniform(-1,1) float32; "
            "inputs: default_rng(99).uniform(-1,1,(3,4)) float32; "
            "output computed with numpy in float64 (compare with a tolerance ~1e-5).",
    "input_shape": list(x.shape), "input": x.tolist(),
    "output": y.tolist()})

# ---------------------------------------------------------------- conv model
ck, cb, dk, db = draw(np.random.default_rng(11), (3, 3, 1, 2), (2,), (6 * 6 * 2, 3), (3,))
write_model(OUT / "conv.h5", "sequential",
            [input_layer("conv2d_input", [None, 8, 8, 1]),
             conv2d("conv2d", 2, (3, 3), "relu", [None, 8, 8, 1]),
             flatten("flatten"),
             dense("dense", 3, "softmax")],
            {"conv2d": [("kernel", ck), ("bias", cb)],
             "flatten": [],
             "dense": [("kernel", dk), ("bias", db)]})
xi = np.random.default_rng(98).uniform(-1.0, 1.0, size=(2, 8, 8, 1)).astype(np.float32)
h = relu(conv2d_valid(f64(xi), f64(ck), f64(cb)))          # (2,6,6,2) NHWC
yi = softmax(h.reshape(2, -1) @ f64(dk) + f64(db))           # Keras flattens H,W,C
dump(OUT / "conv.expected.json", {
    "model": "conv.h5",
    "note": "input is NHWC [n,h,w,c] exactly as Keras takes it. Older DL4J "
            "(<=1.0.0-beta7) wants NCHW, i.e. input.transpose(0,3,1,2) -> "
            "input_nchw below; DL4J 1.0.0-M2.1 source (KerasInput, "
            "KerasConvolution2D) builds a channels_last model as CNN2DFormat.NHWC, "
            "so check which one the imported network's InputType expects. "
            "Weights: default_rng(11).uniform(-1,1) float32; inputs: "
            "default_rng(98).uniform(-1,1,(2,8,8,1)) float32; output computed with "
            "numpy in float64 (compare with a tolerance ~1e-5).",
    "input_shape": list(xi.shape), "input": xi.tolist(),
    "input_nchw_shape": [2, 1, 8, 8], "input_nchw": xi.transpose(0, 3, 1, 2).tolist(),
    "output": yi.tolist()})

for n in ("dense.h5", "conv.h5", "dense.expected.json", "conv.expected.json"):
    print(n, (OUT / n).stat().st_size, "bytes")
