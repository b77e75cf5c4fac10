"""Messages about reports, the site and writing files: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.out_no_folder": (
        "cannot write {path}: the folder {folder} does not exist",
        "无法写入 {path}：文件夹 {folder} 不存在",
    ),
    "report.no_folder": (
        "cannot write {path}: the folder {folder} does not exist; create it first",
        "无法写入 {path}：文件夹 {folder} 不存在，请先创建",
    ),
    "report.is_folder": (
        "cannot write {path}: it is a folder; give a file name",
        "无法写入 {path}：这是一个文件夹，请指定文件名",
    ),
    "report.input_file": (
        "refusing to write over {path}: it is an input file of this project or catalog",
        "拒绝覆盖 {path}：它是本项目或标准库的输入文件",
    ),
    "report.write_failed": (
        "cannot write {path}: {reason}",
        "无法写入 {path}：{reason}",
    ),
    "report.site_not_folder": (
        "cannot create the site in {path}: it exists and is not a folder",
        "无法在 {path} 生成站点：该路径已存在且不是文件夹",
    ),
    "report.unknown": (
        "unknown report `{value}`; choose from {choices}",
        "未知报告 `{value}`，可选：{choices}",
    ),
    "report.written": ("wrote {path}", "已写入 {path}"),
    "report.site_written": (
        "wrote {count} files to {path}; open {index}",
        "已向 {path} 写入 {count} 个文件；请打开 {index}",
    ),
}
