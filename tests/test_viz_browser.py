"""The HTML view in a real headless Chromium: it draws the network offline and shows the legend."""
import shutil
import subprocess

from click.testing import CliRunner

from kg.cli import main


def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is needed for this test: apt-get install chromium (.ci/run does)"
    return path


def test_page_renders_canvas_offline(built, tmp_path):
    html = tmp_path / "g.html"
    assert CliRunner().invoke(main, ["viz", str(built), "--output", str(html)]).exit_code == 0
    dom = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=3000", "--dump-dom", html.as_uri()],
        capture_output=True, text=True, timeout=120).stdout
    assert "<canvas" in dom                      # vis-network drew the graph: its script ran without the network
    assert "园区 Park" in dom and 'id="search"' in dom
