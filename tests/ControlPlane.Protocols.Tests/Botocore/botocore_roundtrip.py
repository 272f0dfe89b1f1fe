#!/usr/bin/env python3
"""Round-trips ControlPlane's wire layer through botocore (driven by BotocoreRoundTripTests).

  botocore_roundtrip.py cases SERVICE   prints, for every operation in the embedded model, sample
                                        input params, the query pairs botocore's serializer sends
                                        for them, and a sample result
  botocore_roundtrip.py parse SERVICE   reads [{"op", "xml"}] (query protocols) or [{"op", "status",
                                        "headers", "body"}] (JSON protocols) and prints what botocore's
                                        parser makes of each response
For the JSON protocols a case carries the whole HTTP request botocore would send (method, path,
query pairs, headers, body) instead of query pairs.
"""

import base64
import datetime
import json
import os
import sys

import botocore.session
from botocore.compat import HTTPHeaders
from botocore.parsers import create_parser
from botocore.serialize import create_serializer

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MAX_DEPTH = 6
# Members botocore consumes client-side and never sends (RDS's presign handler pops SourceRegion).
CLIENT_SIDE = {"SourceRegion"}
WHEN = datetime.datetime(2026, 11, 24, 9, 0, 0, 123000, tzinfo=datetime.timezone.utc)


def sample(shape, path, depth, output):
    """A value for every member down to MAX_DEPTH; two items per list."""
    kind = shape.type_name
    if kind == "structure":
        if depth > MAX_DEPTH:
            return None
        values = {name: sample(m, f"{path}.{name}", depth + 1, output) for name, m in shape.members.items()
                  if output or name not in CLIENT_SIDE}
        return {k: v for k, v in values.items() if v is not None}
    if kind == "list":
        if depth > MAX_DEPTH:
            return None
        return [v for v in (sample(shape.member, f"{path}.{i}", depth + 1, output) for i in (1, 2)) if v is not None]
    if kind == "map":
        return {f"k{i}": sample(shape.value, f"{path}.k{i}", depth + 1, output) for i in (1, 2)}
    if kind == "string":
        if shape.enum:
            return shape.enum[0]
        # Responses carry markup and non-ASCII characters to exercise escaping.
        return f"{path[-20:]} <&> é" if output else path[-20:]
    if kind == "integer":
        return 7
    if kind == "long":
        return 9007199254740993
    if kind == "boolean":
        return True
    if kind in ("double", "float"):
        return 1.5
    if kind == "blob":
        # Blobs travel base64-encoded both ways; the emulator sees and writes the base64 text.
        return b"blob <&> \x00\xff"
    if kind == "timestamp":
        # botocore sends timestamps in its own format; the binder passes them through as text.
        return WHEN if output else None
    raise ValueError(f"no sample for {kind}")


def jsonable(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def operations(service):
    with open(os.path.join(REPO, "src", "ControlPlane.Protocols", "Models", f"{service}.json"), encoding="utf-8") as f:
        return sorted(json.load(f)["operations"])


def cases(service):
    model = botocore.session.get_session().get_service_model(service)
    # Samples ignore ranges and stop at MAX_DEPTH (dropping deeper required members): wire shapes are under test, not
    # botocore's parameter validation.
    serializer = create_serializer(model.metadata["protocol"], include_validation=False)
    out = []
    for name in operations(service):
        op = model.operation_model(name)
        params = sample(op.input_shape, name, 0, False) if op.input_shape else {}
        request = serializer.serialize_to_request(params, op)
        result = jsonable(sample(op.output_shape, name, 0, True)) if op.output_shape else None
        case = {"op": name, "input": jsonable(params), "result": result}
        if model.metadata["protocol"] in ("json", "rest-json"):
            query_string = request["query_string"] or {}
            query = [[k, str(x)] for k, v in query_string.items() for x in (v if isinstance(v, list) else [v])]
            case["request"] = {
                "method": request["method"],
                "path": request["url_path"],
                "query": query,
                "headers": {k: str(v) for k, v in request["headers"].items()},
                "body": request["body"].decode("utf-8") if isinstance(request["body"], bytes) else request["body"],
            }
        else:
            case["params"] = [[k, str(v)] for k, v in request["body"].items() if k not in ("Action", "Version")]
        out.append(case)
    return out


def parse(service, responses):
    model = botocore.session.get_session().get_service_model(service)
    parser = create_parser(model.metadata["protocol"])
    out = []
    for response in responses:
        shape = model.operation_model(response["op"]).output_shape
        if "xml" in response:
            http = {"body": response["xml"].encode("utf-8"), "headers": {}, "status_code": 200}
        else:
            # Header names are case-insensitive on the wire; botocore reads them through HTTPHeaders.
            headers = HTTPHeaders()
            for name, value in response["headers"].items():
                headers[name] = value
            http = {"body": response["body"].encode("utf-8"), "headers": headers, "status_code": response["status"]}
        out.append(jsonable(parser.parse(http, shape)))
    return out


def main(argv):
    mode, service = argv[1], argv[2]
    result = cases(service) if mode == "cases" else parse(service, json.load(sys.stdin))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
