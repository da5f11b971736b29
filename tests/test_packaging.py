"""The installable package lists every subpackage of the source tree, so `pip install .` ships all of it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, flags=re.MULTILINE | re.DOTALL)
    assert block, "pyproject.toml lists its packages under [tool.setuptools]"
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    source = ROOT / "src"
    found = {".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
