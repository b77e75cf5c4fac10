"""Every standard the bundled catalog cites is one we know, and is in force.

A criterion or control that cites a national or industry standard (GB, GB/T, JGJ, JGJ/T,
CJJ, JG/T) must name one in STANDARDS below, which records its status: in force (with its
current edition where a text cites a year), or replaced — and by what. Citing a replaced
standard, an old edition, or one nobody has checked fails this test; when a standard is
revised, change its entry here and the catalog texts with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from journey.catalog import bundled_root, discover


@dataclass(frozen=True)
class Standard:
    """A standard's title, its current edition (year) and, if withdrawn, what replaced it."""

    title: str
    edition: str | None = None
    replaced_by: str | None = None


def current(title: str, edition: str | None = None) -> Standard:
    return Standard(title, edition)


def replaced(title: str, by: str) -> Standard:
    return Standard(title, replaced_by=by)


STANDARDS: dict[str, Standard] = {
    # General codes (全文强制性工程建设规范)
    "GB 55016": current("建筑环境通用规范", "2021"),
    "GB 55020": current("建筑给水排水与节水通用规范", "2021"),
    "GB 55030": current("建筑与市政工程防水通用规范", "2022"),
    "GB 55036": current("消防设施通用规范", "2022"),
    "GB 55038": current("住宅项目规范", "2025"),
    "GB 55031": current("民用建筑通用规范", "2022"),
    "GB 55019": current("建筑与市政工程无障碍通用规范", "2021"),
    # Design
    "GB 50096": current(
        "住宅设计规范", "2011"
    ),  # its mandatory clauses partly repealed by GB 55038
    "GB 50368": replaced("住宅建筑规范", "GB 55038-2025"),
    "GB 50352": current("民用建筑设计统一标准", "2019"),
    "GB 50180": current("城市居住区规划设计标准", "2018"),
    "GB 50118": current("民用建筑隔声设计规范", "2010"),
    "GB 50015": current("建筑给水排水设计标准", "2019"),
    "GB 50028": current("城镇燃气设计规范", "2006"),
    "GB 50736": current("民用建筑供暖通风与空气调节设计规范", "2012"),
    "GB 50763": current("无障碍设计规范", "2012"),
    "GB 50846": current("住宅区和住宅建筑内光纤到户通信设施工程设计规范", "2012"),
    "GB 50108": current("地下工程防水技术规范", "2008"),
    "GB 50345": current("屋面工程技术规范", "2012"),
    "GB 51192": current("公园设计规范", "2016"),
    "GB 51251": current("建筑防烟排烟系统技术标准", "2017"),
    "GB 51309": current("消防应急照明和疏散指示系统技术标准", "2018"),
    "GB 50974": current("消防给水及消火栓系统技术规范", "2014"),
    "GB 50034": replaced("建筑照明设计标准", "GB/T 50034-2024"),
    "GB/T 50034": current("建筑照明设计标准", "2024"),
    # Structure
    "GB 50007": current("建筑地基基础设计规范", "2011"),
    "GB 50009": current("建筑结构荷载规范", "2012"),
    "GB 50010": replaced("混凝土结构设计规范", "GB/T 50010-2010 (混凝土结构设计标准, 2024)"),
    "GB/T 50010": current("混凝土结构设计标准", "2010"),
    "GB 50011": replaced("建筑抗震设计规范", "GB/T 50011-2010 (建筑抗震设计标准, 2024)"),
    # Construction quality acceptance
    "GB 50300": current("建筑工程施工质量验收统一标准", "2013"),
    "GB 50204": current("混凝土结构工程施工质量验收规范", "2015"),
    "GB 50203": current("砌体结构工程施工质量验收规范", "2011"),
    "GB 50207": current("屋面工程质量验收规范", "2012"),
    "GB 50208": current("地下防水工程质量验收规范", "2011"),
    "GB 50209": current("建筑地面工程施工质量验收规范", "2010"),
    "GB 50210": current("建筑装饰装修工程质量验收标准", "2018"),
    "GB 50242": current("建筑给水排水及采暖工程施工质量验收规范", "2002"),
    "GB 50243": current("通风与空调工程施工质量验收规范", "2016"),
    "GB 50303": current("建筑电气工程施工质量验收规范", "2015"),
    "GB 50166": current("火灾自动报警系统施工及验收标准", "2019"),
    "GB 50261": current("自动喷水灭火系统施工及验收规范", "2017"),
    "GB 50877": current("防火卷帘、防火门、防火窗施工及验收规范", "2014"),
    "GB 50327": current("住宅装饰装修工程施工规范", "2001"),
    "GB 50348": current("安全防范工程技术标准", "2018"),
    "GB 50325": current("民用建筑工程室内环境污染控制标准", "2020"),
    "GB 50720": current("建设工程施工现场消防安全技术规范", "2011"),
    # Products and environment
    "GB 3096": current("声环境质量标准", "2008"),
    "GB 5749": current("生活饮用水卫生标准", "2022"),
    "GB 17051": current("二次供水设施卫生规范", "1997"),
    "GB 18580": current("室内装饰装修材料 人造板及其制品中甲醛释放限量", "2017"),
    "GB 18583": current("室内装饰装修材料 胶粘剂中有害物质限量", "2008"),
    "GB 17565": current("防盗安全门通用技术条件"),
    "GB 25502": current("坐便器水效限定值及水效等级", "2024"),  # replaced the 2017 edition
    "GB 7588": replaced("电梯制造与安装安全规范", "GB/T 7588.1-2020"),
    "GB/T 7588.1": current("电梯制造与安装安全规范 第1部分：乘客电梯和载货电梯", "2020"),
    "GB/T 17986": current("房产测量规范"),
    "GB/T 27689": current("无动力类游乐设施 儿童滑梯", "2011"),
    "GB/T 34272": current("小型游乐设施安全规范", "2017"),
    # Industry standards
    "JGJ 8": current("建筑变形测量规范", "2016"),
    "JGJ 80": current("建筑施工高处作业安全技术规范", "2016"),
    "JGJ 100": current("车库建筑设计规范", "2015"),
    "JGJ 113": current("建筑玻璃应用技术规程", "2015"),
    "JGJ 142": current("辐射供暖供冷技术规程", "2012"),
    "JGJ 298": current("住宅室内防水工程技术规范", "2013"),
    "JGJ 367": current("住宅室内装饰装修设计规范", "2015"),
    "JGJ/T 17": current("蒸压加气混凝土制品应用技术标准", "2020"),
    "JGJ/T 23": current("回弹法检测混凝土抗压强度技术规程", "2011"),
    "JGJ/T 235": current("建筑外墙防水工程技术规程", "2011"),
    "JGJ/T 304": current("住宅室内装饰装修工程质量验收规范", "2013"),
    "JGJ/T 331": current("建筑地面工程防滑技术规程", "2014"),
    "CJJ 12": current("家用燃气燃烧器具安装及验收规程", "2013"),
    "CJJ 94": current("城镇燃气室内工程施工与质量验收规范", "2009"),
    "JG/T 194": current("住宅厨房和卫生间排烟（气）道制品", "2018"),
    "JG/T 211": current("建筑外窗气密、水密、抗风压性能现场检测方法", "2007"),
}

CITATION = re.compile(
    r"\b(GB/T|GB|JGJ/T|JGJ|CJJ/T|CJJ|JG/T)\s*(\d+(?:\.\d+)?)(?:\s*[-—–]\s*(\d{4}))?"
)


def problems(text: str) -> list[str]:
    """What is wrong with each standard a text cites (nothing when all are in force)."""
    out: list[str] = []
    for match in CITATION.finditer(text):
        code, year = f"{match[1]} {match[2]}", match[3]
        known = STANDARDS.get(code)
        if known is None:
            out.append(f"{match[0]}: not in the list of checked standards")
        elif known.replaced_by:
            out.append(f"{match[0]}: withdrawn, replaced by {known.replaced_by}")
        elif year and year != known.edition:
            edition = f"{code}-{known.edition}" if known.edition else "unknown"
            out.append(f"{match[0]}: not the current edition ({edition})")
    return out


def cited_texts(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a YAML document with the path to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from cited_texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from cited_texts(value, f"{where}[{n}]")
    elif isinstance(node, str):
        yield where, node


def test_every_standard_the_catalog_cites_is_in_force() -> None:
    found = []
    cited = set()
    for path in discover(bundled_root()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in cited_texts(data):
            cited |= {f"{m[1]} {m[2]}" for m in CITATION.finditer(text)}
            found += [f"{path.name}: {where}: {p}" for p in problems(text)]
    assert not found, "\n".join(found)
    assert len(cited) >= 50  # the catalog leans on the standards, so the test has teeth


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "alarm answered within 30 s (GB 7588)",
            ["GB 7588: withdrawn, replaced by GB/T 7588.1-2020"],
        ),
        (
            "≤ 5 L full flush, GB 25502-2017",
            ["GB 25502-2017: not the current edition (GB 25502-2024)"],
        ),
        ("lighting per GB 50034", ["GB 50034: withdrawn, replaced by GB/T 50034-2024"]),
        ("净高不低于2.40 m（GB50096）", []),
        ("GB 50096-2011 §5.5.2 and GB 55038-2025 §4.1.2", []),
        ("see GB 12345", ["GB 12345: not in the list of checked standards"]),
    ],
)
def test_a_withdrawn_or_unknown_standard_is_flagged(text: str, expected: list[str]) -> None:
    assert problems(text) == expected
