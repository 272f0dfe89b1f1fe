#!/usr/bin/env python3
"""Trim a botocore service model to the operations ControlPlane implements.

Usage: trim_model.py SERVICE VERSION [OPERATIONS_FILE]

Reads botocore/data/SERVICE/VERSION/service-2.json(.gz) from the installed
botocore package and writes src/ControlPlane.Protocols/Models/SERVICE.json with
the model's metadata, the listed operations and every shape they reach, all
documentation removed. OPERATIONS_FILE defaults to operations-SERVICE.txt next
to this script (one operation name per line; blank lines and # comments ignored).
"""

import gzip
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUTPUT_DIR = os.path.join(REPO, "src", "ControlPlane.Protocols", "Models")
OPERATION_KEYS = ("name", "http", "input", "output", "errors")
DOC_KEYS = ("documentation", "documentationUrl")


def load_model(service, version):
    import botocore

    base = os.path.join(os.path.dirname(botocore.__file__), "data", service, version, "service-2.json")
    if os.path.exists(base + ".gz"):
        with gzip.open(base + ".gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    with open(base, encoding="utf-8") as f:
        return json.load(f)


def read_operations(path):
    with open(path, encoding="utf-8") as f:
        lines = (line.split("#", 1)[0].strip() for line in f)
        return sorted({line for line in lines if line})


def strip_docs(node):
    if isinstance(node, dict):
        return {k: strip_docs(v) for k, v in node.items() if k not in DOC_KEYS}
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def referenced_shapes(shape):
    refs = [m["shape"] for m in shape.get("members", {}).values()]
    refs += [shape[k]["shape"] for k in ("member", "key", "value") if k in shape]
    return refs


def trim(model, operations):
    missing = [op for op in operations if op not in model["operations"]]
    if missing:
        sys.exit("unknown operations: " + ", ".join(missing))

    ops = {}
    pending = []
    for name in operations:
        op = model["operations"][name]
        ops[name] = strip_docs({k: op[k] for k in OPERATION_KEYS if k in op})
        pending += [op[k]["shape"] for k in ("input", "output") if k in op]
        pending += [e["shape"] for e in op.get("errors", [])]

    shapes = {}
    while pending:
        name = pending.pop()
        if name not in shapes:
            shapes[name] = strip_docs(model["shapes"][name])
            pending += referenced_shapes(shapes[name])

    return {"metadata": strip_docs(model["metadata"]), "operations": ops, "shapes": shapes}


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    service, version = argv[1], argv[2]
    ops_file = argv[3] if len(argv) == 4 else os.path.join(HERE, f"operations-{service}.txt")
    trimmed = trim(load_model(service, version), read_operations(ops_file))
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    out = os.path.join(OUTPUT_DIR, f"{service}.json")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(trimmed, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"{out}: {len(trimmed['operations'])} operations, {len(trimmed['shapes'])} shapes")


if __name__ == "__main__":
    main(sys.argv)
