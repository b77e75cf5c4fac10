"""Open every report in headless Chromium: first screen, phone width, A4 print, no network.

Talks the DevTools protocol over a pipe (`--remote-debugging-pipe`), so it needs
nothing beyond the standard library and a `chromium` binary; skipped without one.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdftext import pages as pdf_pages
from reports_helpers import make_project

from journey.reports import REPORTS
from journey.reports.site import write_site

pytestmark = pytest.mark.browser

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BINARY = next((found for b in BROWSERS if (found := shutil.which(b))), None)
DESKTOP = (1280, 900)
PHONE = (375, 812)
FIRST_SCREEN = {
    "open-day": ".verdict",
    "risk-assessment": ".gates",
    "delivery-plan": ".gates",
    "service": ".verdict",
}
A4_CONTENT = (703, 994)  # CSS px inside the margins of @page: 12 mm at the sides, 18 + 16 mm


class Browser:
    """A headless Chromium driven over the DevTools pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def wire() -> None:  # runs in the child: the protocol wants fds 3 and 4
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        args = [binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox"]
        args += ["--disable-gpu", "--no-first-run", "--hide-scrollbars"]
        args += ["--disable-background-networking", f"--user-data-dir={profile}"]
        self.proc = subprocess.Popen(
            [*args, "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=wire,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer, keeping events that arrive meanwhile."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive(30)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page session."""
        return self.call(method, self.session, **params)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        """Wait until an event named `method` has arrived."""
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._receive(deadline - time.monotonic()))

    def _receive(self, timeout: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], max(timeout, 0.1))
            if not ready:
                raise TimeoutError("no answer from the browser")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("the browser went away")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        found: dict[str, Any] = json.loads(raw)
        return found

    def close(self) -> None:
        """Stop this browser (only the process this object started)."""
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._write)
        os.close(self._read)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if BINARY is None:
        pytest.skip("chromium is not installed")
    b = Browser(BINARY, tmp_path_factory.mktemp("profile"))
    b.page("Page.enable")
    b.page("Network.enable")
    yield b
    b.close()


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = EXAMPLES / "harbour-view"
AFTER_DELIVERY = EXAMPLES / "harbour-view-1"


@pytest.fixture(scope="module", params=["small", "example", "after-delivery"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the small test project, of the bundled example project before its
    handover, and of its first phase a year after handover (repairs, complaints, surveys)."""
    root = tmp_path_factory.mktemp("browser")
    shots = os.environ.get("JOURNEY_SCREENSHOTS")
    out = Path(shots) / request.param if shots else root / "site"
    if request.param == "small":
        project = make_project(root)
    else:
        from journey.catalog import load_catalog
        from journey.project import load_project

        folder = EXAMPLE if request.param == "example" else AFTER_DELIVERY
        project = load_project(folder, load_catalog(), dt.date(2026, 10, 20))
    write_site(project, out)
    return out


PROBE = """(() => {
  const box = document.querySelector(%s).getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, height: innerHeight,
          scroll: document.documentElement.scrollWidth};
})()"""


def _open(browser: Browser, path: Path, size: tuple[int, int], first: str) -> dict[str, Any]:
    """Load `path` at `size`; where `first` sits and how wide the page is."""
    width, height = size
    browser.page(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=width < 500,
    )
    browser.events.clear()
    browser.page("Page.navigate", url=path.as_uri())
    browser.wait_for("Page.loadEventFired")
    probe = PROBE % json.dumps(first)
    found: dict[str, Any] = browser.page("Runtime.evaluate", expression=probe, returnByValue=True)[
        "result"
    ]["value"]
    return found


def _requests(browser: Browser) -> list[str]:
    return [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_in_the_browser(browser: Browser, site: Path, name: str, lang: str) -> None:
    page = site / lang / f"{name}.html"
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        seen = _open(browser, page, size, FIRST_SCREEN[name])
        assert seen["top"] >= 0 and seen["bottom"] <= seen["height"], (label, seen)
        if size == PHONE:
            assert seen["scroll"] <= PHONE[0], seen
        shot = browser.page("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        (site / f"{lang}-{name}-{label}.png").write_bytes(base64.b64decode(shot["data"]))
        assert all(u.startswith(("file:", "data:", "about:")) for u in _requests(browser))
        wraps = _evaluate(browser, WRAPS)
        # dates never wrap; no header or owner cell takes more than two lines
        assert wraps["dates"] == [], (label, wraps["dates"])
        if size == DESKTOP:
            assert wraps["cells"] == [], wraps["cells"]
    expected, breaks = _print_estimate(browser, page)
    pdf = _pdf(browser, page)
    (site / f"{lang}-{name}.pdf").write_bytes(pdf)
    count = len(re.findall(rb"/Type\s*/Page\b", pdf))
    # within 20 % below (print scaling) to 30 % above, plus a part-filled page per forced break
    low, high = math.floor(expected * 0.8), math.ceil(expected * 1.3) + breaks + 1
    assert low <= count <= high, (count, expected, breaks)
    _check_pages(pdf, lang, _evaluate(browser, HEADINGS))


WRAPS = """(() => {
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const middles = [];
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      const m = r.top + r.height / 2;
      if (!middles.some((x) => Math.abs(x - m) < 8)) middles.push(m);
    }
    return middles.length;
  };
  const shown = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
  const cells = [];
  for (const el of document.querySelectorAll("th, td.who")) {
    if (!shown(el)) continue;
    const n = lines(el);
    if (n > 2) cells.push([el.tagName, el.textContent.trim().slice(0, 40), n]);
  }
  const dates = [];
  for (const el of document.querySelectorAll(".date")) {
    if (!shown(el)) continue;
    const n = el.getClientRects().length;
    if (n > 1) dates.push([el.textContent, n]);
  }
  return {cells, dates};
})()"""

HEADINGS = """[...document.querySelectorAll("main h2, main h3")]
  .filter((h) => h.offsetParent !== null).map((h) => h.textContent)"""


def _evaluate(browser: Browser, expression: str) -> Any:
    found = browser.page("Runtime.evaluate", expression=expression, returnByValue=True)
    return found["result"]["value"]


def _pdf(browser: Browser, page: Path) -> bytes:
    _open(browser, page, DESKTOP, "h1")
    found = browser.page("Page.printToPDF", printBackground=True, preferCSSPageSize=True)
    return base64.b64decode(found["data"])


def _squeezed(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _check_pages(pdf: bytes, lang: str, headings: list[str]) -> None:
    """Every page after the cover carries its number of the whole and the running header;
    no page ends with a heading (its content went to the next page)."""
    texts = [_squeezed("".join(runs)) for runs in pdf_pages(pdf)]
    total = len(texts)
    assert "编制" in texts[0] or "Preparedby" in texts[0]  # the cover's sign-off block
    for number, found in enumerate(texts[1:], start=2):
        mark = f"第{number}页/共{total}页" if lang == "zh" else f"Page{number}of{total}"
        assert mark in found, (number, found[:120])
    ends = {_squeezed(h) for h in headings}
    for number, found in enumerate(texts, start=1):
        assert not any(found.endswith(h) for h in ends if h), (number, found[-80:])


def test_the_chinese_risk_assessment_prints_about_as_long_as_the_english(
    browser: Browser, site: Path
) -> None:
    counts = {
        lang: len(pdf_pages(_pdf(browser, site / lang / "risk-assessment.html")))
        for lang in ("en", "zh")
    }
    assert counts["zh"] <= 1.3 * counts["en"], counts


GANTT = """(() => {
  const chart = document.querySelector(".chart-phone");
  const today = chart.querySelector("line.today").getBoundingClientRect();
  const box = chart.getBoundingClientRect();
  const labels = [...chart.querySelectorAll("text.label")].map((t) => t.getBoundingClientRect());
  return {left: today.left, right: today.right, top: today.top - box.top,
          box: [box.left, box.right], width: innerWidth, height: innerHeight,
          font: Math.min(...labels.map((r) => r.height)),
          overflow: chart.scrollWidth - chart.clientWidth};
})()"""


def test_the_gantt_opens_on_a_phone_at_the_as_of_line(browser: Browser, site: Path) -> None:
    for lang in ("en", "zh"):
        _open(browser, site / lang / "delivery-plan.html", PHONE, ".chart-phone")
        seen = _evaluate(browser, GANTT)
        # the as-of line lies within the chart and the screen, with no sideways scrolling
        assert seen["box"][0] <= seen["left"] and seen["right"] <= seen["box"][1], seen
        assert seen["left"] >= 0 and seen["right"] <= seen["width"], seen
        assert seen["top"] < seen["height"] and seen["overflow"] <= 0, seen
        assert seen["font"] >= 11, seen  # labels a phone can read


PRINT_PROBE = """(() => ({
  height: document.documentElement.scrollHeight,
  breaks: document.querySelectorAll(".stage + .stage, .page-break").length,
}))()"""


def _print_estimate(browser: Browser, page: Path) -> tuple[int, int]:
    """Pages the content fills at A4 width in print media, and the forced page breaks;
    on the way, that no date wraps on paper either."""
    browser.page("Emulation.setEmulatedMedia", media="print")
    try:
        _open(browser, page, A4_CONTENT, "h1")
        value = _evaluate(browser, PRINT_PROBE)
        assert _evaluate(browser, WRAPS)["dates"] == []
    finally:
        browser.page("Emulation.setEmulatedMedia", media="")
    return math.ceil(value["height"] / A4_CONTENT[1]), int(value["breaks"])


def test_the_index_in_the_browser(browser: Browser, site: Path) -> None:
    seen = _open(browser, site / "index.html", PHONE, ".index-table")
    assert seen["scroll"] <= PHONE[0] and seen["top"] <= seen["height"]
    # one screen on a laptop: the verdicts, the numbers and the links to every report
    seen = _open(browser, site / "index.html", DESKTOP, ".index-reports")
    assert seen["bottom"] <= seen["height"], seen
    assert all(u.startswith(("file:", "about:")) for u in _requests(browser))


PORTFOLIO = Path(__file__).resolve().parent.parent / "examples" / "portfolio"


@pytest.fixture(scope="module")
def portfolio_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example portfolio's page in each language."""
    from journey.catalog import load_catalog
    from journey.portfolio import build, write

    root = tmp_path_factory.mktemp("portfolio")
    pages = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(root / "xdg"))
        p = build([PORTFOLIO], root, load_catalog(), catalog_root=None, as_of=dt.date(2026, 10, 20))
        for lang in ("en", "zh"):
            write(p, root / lang, lang, [])
            pages[lang] = root / lang / "index.html"
    return pages


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_portfolio_in_the_browser(
    browser: Browser, portfolio_pages: dict[str, Path], lang: str
) -> None:
    page = portfolio_pages[lang]
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        seen = _open(browser, page, size, ".summary-facts")
        assert seen["top"] >= 0 and seen["bottom"] <= seen["height"], (label, seen)
        if size == PHONE:
            assert seen["scroll"] <= PHONE[0], seen
        assert all(u.startswith(("file:", "about:")) for u in _requests(browser))
    expected, breaks = _print_estimate(browser, page)
    pdf = base64.b64decode(
        browser.page("Page.printToPDF", printBackground=True, preferCSSPageSize=True)["data"]
    )
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    low, high = math.floor(expected * 0.8), math.ceil(expected * 1.3) + breaks + 1
    assert low <= pages <= high, (pages, expected, breaks)
