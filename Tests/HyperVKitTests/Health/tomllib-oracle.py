"""The oracle of ConfigTOMLParserTests: Python's tomllib (3.11+, TOML 1.0) on each document.

Reads a JSON list of documents on stdin; writes a JSON list with, for each, the canonical form of
what tomllib parsed (the same form ConfigTOMLParserTests builds from hvctl's nodes) or "ERROR".
With --generate N SEED it writes N random documents instead (a grammar of TOML's constructs,
valid and invalid alike), so the two parsers meet inputs nobody wrote by hand.
"""
import datetime, json, random, sys, tomllib


def canonical(value):
    if isinstance(value, bool):
        return "b:" + ("true" if value else "false")
    if isinstance(value, int):
        return "i:%d" % value
    if isinstance(value, float):
        return "f:" + ("nan" if value != value else repr(value))
    if isinstance(value, str):
        return "s:" + json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.datetime):
        return "d:date-time"
    if isinstance(value, datetime.date):
        return "d:date"
    if isinstance(value, datetime.time):
        return "d:time"
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    return "{" + ",".join(json.dumps(key, ensure_ascii=False) + "=" + canonical(value[key]) for key in sorted(value)) + "}"


def generate(count, seed):
    rng = random.Random(seed)
    keys = ["a", "b", "c", "a.b", "b.c", '"q k"', "'lit'", "1", "-x_"]
    scalars = ["1", "-0", "+7", "0x1F", "0o17", "0b101", "1_000", "1__0", "01", "3.14", "1e3", "-2.5E-2", "1.",
               ".5", "inf", "-nan", "true", "false", '"s"', "'l'", '"\\u00e9\\t"', '"bad\\q"', '"""m\nx"""',
               "'''r\n'''", "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z", "1979-05-27 07:32:00.5-07:00",
               "[]", "[1, 2,]", "[1,\n 2 # c\n]", "{}", "{ x = 1 }", "{ x = 1, }", "{ y.z = 2 }", "nope", '"'
               ]
    documents = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 6)):
            kind = rng.random()
            if kind < 0.2:
                lines.append("[" + rng.choice(keys) + "]")
            elif kind < 0.3:
                lines.append("[[" + rng.choice(keys) + "]]")
            elif kind < 0.35:
                lines.append("# comment " + rng.choice(scalars))
            else:
                lines.append(rng.choice(keys) + " = " + rng.choice(scalars) + rng.choice(["", " # c", ""]))
        documents.append("\n".join(lines) + rng.choice(["\n", "", "\r\n"]))
    return documents


if sys.argv[1:2] == ["--generate"]:
    json.dump(generate(int(sys.argv[2]), int(sys.argv[3])), sys.stdout)
else:
    out = []
    for document in json.load(sys.stdin):
        try:
            out.append(canonical(tomllib.loads(document)))
        except Exception:
            out.append("ERROR")
    json.dump(out, sys.stdout)
