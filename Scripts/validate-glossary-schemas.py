#!/usr/bin/env python3
"""Validates glossary YAML files against Glossary/schemas (JSON Schema 2020-12).

Usage: validate-glossary-schemas.py DIR [DIR ...]   each DIR holds term files (missing ones are skipped)
       validate-glossary-schemas.py --expect-invalid FILE.yaml SCHEMA-NAME
Exit 0 when every file validates and every DIR held at least one (or, with --expect-invalid, when the file is rejected).
"""
import json, pathlib, sys
import yaml
from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Glossary" / "schemas"

class StringDates(yaml.SafeLoader):
    """YAML 1.1 turns 2026-10-01 into a date and 08:00 into 480; the glossary means text."""
for tag in ("tag:yaml.org,2002:timestamp",):
    StringDates.yaml_implicit_resolvers = {
        k: [(t, r) for (t, r) in v if t != tag] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

def validator(name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)

def errors(path, name):
    data = yaml.load(path.read_text(), Loader=StringDates)
    return sorted(validator(name).iter_errors(data), key=lambda e: list(e.absolute_path))

if sys.argv[1:2] == ["--expect-invalid"]:
    found = errors(pathlib.Path(sys.argv[2]), sys.argv[3])
    print(f"{sys.argv[2]}: rejected as expected ({found[0].message})" if found else f"{sys.argv[2]}: accepted, expected a schema error")
    sys.exit(0 if found else 1)

failed = checked = 0
for directory in map(pathlib.Path, sys.argv[1:]):
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        # A mistyped or empty directory would otherwise pass having checked nothing.
        failed += 1
        print(f"{directory}: no .yaml files to check")
    for path in paths:
        checked += 1
        for error in errors(path, path.stem):
            failed += 1
            print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
print(f"schemas: {checked} files checked, {failed} errors")
if checked == 0:
    print("schemas: no files were checked")
sys.exit(1 if failed or checked == 0 else 0)
