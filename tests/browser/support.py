"""
What the browser tests share: the browser's errors, axe-core (the npm package pinned in
package.json, installed by ``npm ci`` in ``make install``) and the screenshots a reviewer looks at.
"""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Where the browser tests leave their screenshots (git-ignored; CI keeps the folder): README "Tests".
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "artifacts" / "screenshots"))

# What the browser says when the Content-Security-Policy stops something, and an uncaught script error.
CSP_REFUSAL = re.compile(r"Refused to (load|execute|apply|connect|frame|evaluate)", re.IGNORECASE)


def at(path):
    """A URL pattern for expect(page).to_have_url: the page at ``path``, with no query string."""
    return re.compile(re.escape(path) + "$")


def watch_errors(page, errors):
    """Record in ``errors`` the page's uncaught script errors and what the Content-Security-Policy refuses."""
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))

    def console(message):
        if message.type == "error" and CSP_REFUSAL.search(message.text):
            errors.append(f"{page.url}: {message.text}")

    page.on("console", console)


def focused(page):
    """The focused element, described: its tag, id, text, name and label."""
    return page.evaluate(
        """() => { const e = document.activeElement;
                   return e ? {tag: e.tagName.toLowerCase(), id: e.id, text: (e.innerText || '').trim(),
                               name: e.getAttribute('name'), label: e.getAttribute('aria-label')} : null; }"""
    )


def screenshot_as(page, name):
    """Keep a full-page screenshot ``<name>-<width>-<light|dark>.png`` for a reviewer (README "Tests")."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    scheme = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'")
    path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}-{scheme}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page):
    """axe-core's violations on the page as it is now: one line per rule, with the first elements it names."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: `make install` installs axe-core (npm ci).")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not
        # govern: the page itself still runs only its own scripts.
        page.evaluate(AXE.read_text())
    found = page.evaluate(
        """async () => {
             const result = await axe.run(document, {resultTypes: ['violations']});
             return result.violations.map(v => ({
               id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary),
               count: v.nodes.length}));
           }"""
    )
    return [f"{v['id']} ({v['impact']}, {v['count']} elements): {v['help']}; " + " | ".join(v["nodes"]) for v in found]
