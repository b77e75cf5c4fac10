"""The rejects file's columns: every source's headers, once, in the order first seen."""

from __future__ import annotations

from journey.importing.rejects import Layout


def test_sources_with_different_headers_share_one_set_of_columns() -> None:
    layout = Layout()
    layout.add_file(["问题编号", "楼栋", "", "备注", "备注"])
    layout.add_file(["楼栋", "问题编号", "检查人"])
    layout.widen(1, 5)  # a row of the second file runs past its header
    assert layout.names == ["问题编号", "楼栋", "#3", "备注", "备注 #5", "检查人", "#4", "#5"]
    assert layout.row(0, ["Q1", "1#楼", "x", "a", "b"]) == ["Q1", "1#楼", "x", "a", "b", "", "", ""]
    assert layout.row(1, ["2#楼", "Q2", "刘工", "extra"]) == [
        "Q2", "2#楼", "", "", "", "刘工", "extra", ""
    ]  # fmt: skip
