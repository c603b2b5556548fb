# Writes the input files of tests/io/t-mlp_set_npz.c, t-safetensors_read_buf.c,
# t-data_read_text_buf.c and tests/cli/t-inputs.sh the way users' tools
# write them: numpy.savez(**model.state_dict()) of PyTorch models, .safetensors files (the format
# written here by hand, byte for byte as the reference writer lays it out: 8-byte little-endian
# header length, JSON header padded with spaces to a multiple of 8, tensors sorted by dtype
# alignment then name), pandas and numpy.savetxt text files.  Next to each, the exact expected
# values as relucert JSON with "p/q" strings (fractions.Fraction of each stored float), so the
# tests compare exactly, against values computed here independently of the readers.
#   usage: cd tests/io/data && python3 make_inputs.py      (needs numpy and torch; pandas'
# output is written by hand below, as pandas 1.x/2.x writes it: repr of each float, ',' separator)
import json, struct
from fractions import Fraction
import numpy as np
import torch

torch.manual_seed(11)
rng = np.random.default_rng(11)


def q(x):
    return str(Fraction(float(x)))


def net_json(path, layers, comment):
    """layers: list of (W, b or None) numpy arrays; writes relucert.network/1 with exact strings."""
    doc = {"format": "relucert.network/1", "comment": comment}
    for k, (W, b) in enumerate(layers, 1):
        doc["W%d" % k] = [[q(v) for v in row] for row in np.asarray(W, dtype=np.float64)]
        if b is not None:
            doc["b%d" % k] = [q(v) for v in np.asarray(b, dtype=np.float64)]
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)


def data_json(path, X, y, comment):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).reshape(len(X), -1)
    doc = {"format": "relucert.dataset/1", "comment": comment,
           "X": [[q(v) for v in row] for row in X], "y": [[q(v) for v in row] for row in y]}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)


ST_DTYPE = {np.dtype('float16'): 'F16', np.dtype('float32'): 'F32', np.dtype('float64'): 'F64',
            np.dtype('int8'): 'I8', np.dtype('int16'): 'I16', np.dtype('int32'): 'I32',
            np.dtype('int64'): 'I64', np.dtype('uint8'): 'U8', np.dtype('bool'): 'BOOL'}


def safetensors_bytes(tensors, metadata=None):
    """tensors: dict name -> (dtype string, shape list, raw little-endian bytes)."""
    order = sorted(tensors, key=lambda n: n)           # the reference writer: by name within a dtype
    order = sorted(order, key=lambda n: -{'F64': 8, 'I64': 8, 'U64': 8, 'F32': 4, 'I32': 4, 'U32': 4,
                                          'F16': 2, 'BF16': 2, 'I16': 2, 'U16': 2}.get(tensors[n][0], 1))
    header, off, data = {}, 0, b""
    if metadata:
        header["__metadata__"] = metadata
    for n in order:
        dt, shape, raw = tensors[n]
        header[n] = {"dtype": dt, "shape": list(shape), "data_offsets": [off, off + len(raw)]}
        off += len(raw)
        data += raw
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    return struct.pack("<Q", len(h)) + h + data


def st_from_numpy(arrays, bf16=()):
    out = {}
    for n, a in arrays.items():
        if n in bf16:
            t = torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32)).to(torch.bfloat16)
            raw = t.view(torch.int16).numpy().astype('<i2').tobytes()
            out[n] = ("BF16", list(a.shape), raw)
        else:
            a = np.ascontiguousarray(a)
            out[n] = (ST_DTYPE[a.dtype], list(a.shape), a.astype(a.dtype.newbyteorder('<')).tobytes())
    return out


def sd_numpy(model):
    return {k: v.detach().numpy() for k, v in model.state_dict().items()}


def layers_of(sd, prefixes):
    return [(sd[p + ".weight"], sd.get(p + ".bias")) for p in prefixes]


# 1. shallow nn.Sequential state_dict (the case of issue 11), and a deep one with indices >= 10
m = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
sd = sd_numpy(m)
np.savez("sd-seq2.npz", **sd)
net_json("sd-seq2-ref.json", layers_of(sd, ["0", "2"]), "exact values of sd-seq2.npz")

widths = [2, 3, 3, 4, 3, 3, 2, 1]
mods = []
for k in range(len(widths) - 1):
    mods += [torch.nn.Linear(widths[k], widths[k + 1], bias=(k != 3))]
    if k < len(widths) - 2:
        mods += [torch.nn.ReLU()]
deep = torch.nn.Sequential(*mods)
sd = sd_numpy(deep)
prefixes = [str(2 * k) for k in range(len(widths) - 1)]          # 0, 2, ..., 12
np.savez("sd-deep.npz", **sd)
net_json("sd-deep-ref.json", layers_of(sd, prefixes), "exact values of sd-deep.npz / sd-deep.safetensors")
with open("sd-deep.safetensors", "wb") as f:
    f.write(safetensors_bytes(st_from_numpy(sd), {"format": "pt"}))
# the same in BF16 (values rounded to bfloat16 by torch; the reference holds the rounded values)
sdb = {k: torch.from_numpy(v).to(torch.bfloat16).to(torch.float32).numpy() for k, v in sd.items()}
with open("sd-deep-bf16.safetensors", "wb") as f:
    f.write(safetensors_bytes(st_from_numpy(sd, bf16=set(sd))))
net_json("sd-deep-bf16-ref.json", layers_of(sdb, prefixes), "exact values of sd-deep-bf16.safetensors")
# F16 and F64 copies of the shallow network
sd = sd_numpy(m)
sdh = {k: v.astype(np.float16) for k, v in sd.items()}
with open("sd-seq2-f16.safetensors", "wb") as f:
    f.write(safetensors_bytes(st_from_numpy(sdh)))
net_json("sd-seq2-f16-ref.json", layers_of(sdh, ["0", "2"]), "exact values of sd-seq2-f16.safetensors")
sdd = {k: v.astype(np.float64) for k, v in sd.items()}
with open("sd-seq2-f64.safetensors", "wb") as f:
    f.write(safetensors_bytes(st_from_numpy(sdd)))

# 2. named modules fc1, fc2, fc3, plus a learning rate and an architecture string (ignored)
class Named(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(3, 4)
        self.fc2 = torch.nn.Linear(4, 2)
        self.fc3 = torch.nn.Linear(2, 1, bias=False)

sd = sd_numpy(Named())
np.savez("sd-fc.npz", **sd, lr=np.float64(0.01), arch=np.array("3-4-2-1"))
net_json("sd-fc-ref.json", layers_of(sd, ["fc1", "fc2", "fc3"]), "exact values of sd-fc.npz")

# 3. layers relucert does not model
bn = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.BatchNorm1d(3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
np.savez("sd-batchnorm.npz", **sd_numpy(bn))
conv = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.ReLU(), torch.nn.Flatten(), torch.nn.Linear(2, 1))
np.savez("sd-conv.npz", **sd_numpy(conv))
emb = torch.nn.Sequential(torch.nn.Embedding(10, 3), torch.nn.Linear(3, 1))
np.savez("sd-embedding.npz", **sd_numpy(emb))
ln = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.LayerNorm(3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
np.savez("sd-layernorm.npz", **sd_numpy(ln))
# a layer that does not chain (4 inputs after 3 outputs)
np.savez("sd-nochain.npz", **{"0.weight": np.ones((3, 2), np.float32), "2.weight": np.ones((1, 4), np.float32)})

# 4. datasets: sklearn-style extras; labels as integers in safetensors
X = rng.standard_normal((5, 3)).astype(np.float32)
y = np.array([0, 1, 1, 0, 2], dtype=np.int64)
np.savez("data-sklearn.npz", X=X, y=y, feature_names=np.array(["a", "bb", "ccc"]),
         target_names=np.array(["setosa", "versicolor", "virginica"]), DESCR=np.array("toy data"),
         frame=np.array([None, {"a": 1}], dtype=object))
data_json("data-sklearn-ref.json", X, y, "exact values of data-sklearn.npz / data-labels.safetensors")
with open("data-labels.safetensors", "wb") as f:
    f.write(safetensors_bytes(st_from_numpy({"X": X, "y": y, "weights": np.ones(5, np.float32)})))

# 5. delimited text as exported
A = np.array([[0.25, -1.5, 1.75], [1.75, 0.5, 1.25], [-0.75, 2.25, -3.0]])
data_json("text-ref.json", A[:, :2], A[:, 2], "exact values of the text datasets")


def pandas_csv(path, A, columns, index, sep=","):
    # pandas.DataFrame(A, columns=columns).to_csv(path, index=index, sep=sep)
    with open(path, "w") as f:
        f.write(sep.join(([""] if index else []) + [str(c) for c in columns]) + "\n")
        for i, row in enumerate(A):
            f.write(sep.join(([str(i)] if index else []) + [repr(float(v)) for v in row]) + "\n")


pandas_csv("pandas-noindex.csv", A, range(3), False)               # header 0,1,2
pandas_csv("pandas-index.csv", A, range(3), True)                  # ,0,1,2 and an index column
np.savetxt("savetxt-default.txt", A)                                # %.18e, blanks
np.savetxt("savetxt-tab.tsv", A, delimiter="\t")
np.savetxt("savetxt-semicolon.csv", A, delimiter=";", fmt="%g")
pandas_csv("pandas-named.dat", A, ["x1", "x2", "y"], False, sep="\t")
with open("decimal-comma.csv", "w") as f:
    f.write("x1;x2;y\n0,25;-1,5;1,75\n")
with open("ambiguous-int.csv", "w") as f:
    f.write("1,2,3\n4,5,6\n7,8,9\n")

# 6. the reference of the committed user case (numpy.savez(**state_dict) of
#    nn.Sequential(Linear(2, 3), ReLU(), Linear(3, 1)), made elsewhere): exact values of its arrays
z = np.load("case-sequential-state-dict.npz")
net_json("case-sequential-state-dict-ref.json", [(z["0.weight"], z["0.bias"]), (z["2.weight"], z["2.bias"])],
         "exact values of case-sequential-state-dict.npz")
