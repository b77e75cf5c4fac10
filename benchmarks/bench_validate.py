"""`journey validate` on the bundled catalog, and on it plus 10,000 generated items.

The generated risks are about 180 bytes each (≈1.8 MB of YAML), spread over 20 files,
with references to the bundled catalog's stages, professions, levels and categories.
Target: the bundled catalog plus 10,000 items validated in under 1.5 s.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from benchmarks._timing import journey, time_command

STAGES = ("design", "construction", "sales", "pre-delivery", "delivery")
OWNERS = ("design", "engineering", "cost", "marketing", "customer-relations", "property")


def risk(n: int) -> str:
    """One generated risk, about 180 bytes of YAML."""
    return (
        f"  - id: RX-{n // 1000:03d}-{n % 1000:03d}\n"
        f"    category: gen\n"
        f"    title: {{en: Generated risk {n}, zh: 生成的风险 {n}}}\n"
        f"    stage: {STAGES[n % 5]}\n"
        f"    owner: {OWNERS[n % 6]}\n"
        f"    likelihood: {n % 5 + 1}\n"
        f"    impact: {(n // 5) % 5 + 1}\n"
        f"    controls: [Check {n}]\n"
        f"    level: process\n"
    )


def generate(root: Path, bundled: Path, items: int, files: int = 20) -> int:
    """Copy the bundled catalog into `root` and add `items` risks; return bytes added."""
    shutil.copytree(bundled, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    per_file = items // files
    size = 0
    for f in range(files):
        head = "kind: risks\nphase: delivery\n"
        if f == 0:
            head += "categories:\n  - {id: gen, title: Generated}\n"
        body = "".join(risk(f * per_file + i) for i in range(per_file))
        text = head + "risks:\n" + body
        (root / f"generated-{f:02d}.yaml").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    from journey.catalog import bundled_root

    bundled = bundled_root()
    base = time_command(journey("validate"), runs=5)
    print(f"journey validate (bundled catalog):           {base * 1000:7.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalog"
        size = generate(root, bundled, 10_000)
        big = time_command(journey("--catalog", str(root), "validate"), runs=3)
        pure_env = {**os.environ, "JOURNEY_PURE_YAML": "1"}
        pure = time_command(journey("--catalog", str(root), "validate"), runs=1, env=pure_env)
    print(f"journey validate (bundled + 10,000 items, {size / 1e6:.2f} MB): {big * 1000:7.1f} ms")
    print(f"  same without libyaml (JOURNEY_PURE_YAML=1):  {pure * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
