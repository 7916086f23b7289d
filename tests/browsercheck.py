#!/usr/bin/env python3
"""Renders the HTML part of a message in headless Chromium (Debian's
chromium, driven over the DevTools protocol on a pipe: no network, no npm)
and checks what the browser measured.

  browsercheck.py EML --accent '#rrggbb' [--shots DIR] [--readme PNG]

For each width (375 and 800 CSS px, the first as a phone) and each colour
scheme (light, dark) it loads the HTML (inline pictures given by their
Content-ID) and asserts: no sideways scrolling; the column at most 600 px;
text of 20 characters or more set at 14 px or larger; the card's
background light (luminance over 0.85) or dark (under 0.1) and the text
contrasting with it (WCAG ratio 4.5 for the title, 7 for the points); the masthead rule in the layout's accent in light
mode; the preheader hidden; pictures at most 600 x 360 CSS px and drawn from
at least twice as many pixels; nothing requested but the page itself and
its data: pictures; lang, title, viewport and color-scheme present, no
script, an inline style on every element (but tr, the tbody the parser
adds, and br, which carry no presentation).  --shots DIR saves a full-page
screenshot of each case; --readme PNG saves the first screen (375 x 812)
of the phone-width light one at 2x.  Prints one line per failure; exits 1 when there is any."""
import base64, email, email.policy, json, os, re, select, shutil, subprocess, sys, tempfile

MEASURE = r"""
(() => {
  const lum = (c) => {
    const m = c.match(/[\d.]+/g).map(Number);
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]);
  };
  const cs = (e) => getComputedStyle(e);
  const visible = (e) => e.offsetParent !== null || cs(e).position === 'fixed';
  const small = [];
  for (const e of document.body.querySelectorAll('*')) {
    let own = '';
    for (const n of e.childNodes) if (n.nodeType === 3) own += n.textContent;
    own = own.trim();
    if (own.length >= 20 && visible(e) && parseFloat(cs(e).fontSize) < 14)
      small.push(e.tagName + ' ' + cs(e).fontSize + ' "' + own.slice(0, 30) + '"');
  }
  const unstyled = [...document.body.querySelectorAll('*')]
    .filter(e => !['BR', 'TBODY', 'TR'].includes(e.tagName) && !e.getAttribute('style')).map(e => e.tagName);
  const card = document.querySelector('.bm-card');
  const h1 = document.querySelector('h1');
  const pts = [...document.querySelectorAll('.bm-card td.bm-tx')];
  const pre = document.querySelector('.bm-pre');
  const meta = (n) => { const m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; };
  return JSON.stringify({
    inner: innerWidth, scroll: document.documentElement.scrollWidth,
    bodyScroll: document.body.scrollWidth,
    card: card ? card.getBoundingClientRect().width : -1,
    cardBg: card ? lum(cs(card).backgroundColor) : -1,
    pageBg: lum(cs(document.body).backgroundColor),
    h1Color: h1 ? lum(cs(h1).color) : -1,
    h1Size: h1 ? parseFloat(cs(h1).fontSize) : -1,
    pointColor: pts.length ? lum(cs(pts[0]).color) : -1,
    pointSize: pts.length ? parseFloat(cs(pts[0]).fontSize) : -1,
    npoints: pts.length,
    accent: card ? cs(card.querySelector('td')).borderTopColor : '',
    small: small, unstyled: unstyled,
    preHidden: pre ? (pre.offsetHeight === 0 || cs(pre).display === 'none') : true,
    preText: pre ? pre.textContent.trim().slice(0, 40) : '',
    imgs: [...document.images].map(i => ({w: i.getBoundingClientRect().width,
      h: i.getBoundingClientRect().height, nw: i.naturalWidth, nh: i.naturalHeight,
      alt: i.alt})),
    lang: document.documentElement.lang, title: document.title,
    viewport: meta('viewport'), scheme: meta('color-scheme'),
    supported: meta('supported-color-schemes'),
    scripts: document.scripts.length,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    height: document.documentElement.scrollHeight,
  });
})()
"""


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 and 4."""

    def __init__(self, profile):
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if exe is None:
            sys.exit("browsercheck: no chromium (apt-get install chromium)")

        def child():
            os.dup2(r1, 3)
            os.dup2(w2, 4)
        self.p = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--mute-audio",
             "--hide-scrollbars", "--remote-debugging-pipe",
             # Nothing leaves the machine: no name resolves.
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
             "--proxy-server=http://127.0.0.1:9",
             "--user-data-dir=" + profile, "about:blank"],
            preexec_fn=child, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r1)
        os.close(w2)
        self.w, self.r = w1, r2
        self.buf = b""
        self.n = 0
        self.events = []

    def _read(self):
        while b"\0" not in self.buf:
            ready, _, _ = select.select([self.r], [], [], 120)
            if not ready:
                raise SystemExit("browsercheck: chromium stopped answering")
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise SystemExit("browsercheck: chromium exited")
            self.buf += chunk
        m, self.buf = self.buf.split(b"\0", 1)
        return json.loads(m)

    def call(self, method, params=None, session=None):
        self.n += 1
        msg = {"id": self.n, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.n:
                if "error" in m:
                    raise SystemExit(f"browsercheck: {method}: {m['error']}")
                return m["result"]
            self.events.append(m)

    def wait_event(self, name):
        for i, m in enumerate(self.events):
            if m.get("method") == name:
                del self.events[i]
                return m
        while True:
            m = self._read()
            if m.get("method") == name:
                return m
            self.events.append(m)

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        try:
            self.p.wait(timeout=60)     # a guard against a hang, not a measure
        except subprocess.TimeoutExpired:
            self.p.kill()               # the browser this script started
            self.p.wait()


def html_of(eml):
    m = email.message_from_bytes(open(eml, "rb").read(), policy=email.policy.default)
    html, parts = None, {}
    for p in m.walk():
        if p.get_content_type() == "text/html":
            html = p.get_content()
        cid = (p["Content-ID"] or "").strip("<>")
        if cid and p.get_content_maintype() == "image":
            parts[cid] = (p.get_content_type(), p.get_content())
    if html is None:
        sys.exit("browsercheck: no text/html part")
    # Pictures by Content-ID become data: URIs, as a mail client shows them.
    def data(mo):
        t, b = parts.get(mo.group(1), (None, None))
        if t is None:
            return mo.group(0)
        return 'src="data:%s;base64,%s"' % (t, base64.b64encode(b).decode())
    return html, re.sub(r'src="cid:([^"]+)"', data, html)


def rgb(hexcolor):
    h = hexcolor.lstrip("#")
    return "rgb(%d, %d, %d)" % (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def main():
    a = sys.argv[1:]
    eml = a[0]
    accent = a[a.index("--accent") + 1]
    shots = a[a.index("--shots") + 1] if "--shots" in a else None
    readme = a[a.index("--readme") + 1] if "--readme" in a else None
    raw, html = html_of(eml)
    problems = []

    def want(cond, what):
        if not cond:
            problems.append(what)

    for bad, what in ((r"<script", "a script"), (r"<link\b", "a <link>"),
                      (r"@import", "an @import"), (r"url\(", "a CSS url()"),
                      (r'src="(?!cid:)', "a picture not given by Content-ID")):
        want(not re.search(bad, raw, re.I), f"the HTML holds {what}")
    tmp = tempfile.mkdtemp(prefix="browsercheck.")
    page = os.path.join(tmp, "mail.html")
    with open(page, "w") as f:
        f.write(html)
    b = Browser(os.path.join(tmp, "profile"))
    try:
        t = b.call("Target.createTarget", {"url": "about:blank"})
        s = b.call("Target.attachToTarget", {"targetId": t["targetId"], "flatten": True})["sessionId"]
        b.call("Page.enable", {}, s)
        b.call("Network.enable", {}, s)
        b.call("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ftp://*", "ws://*", "wss://*"]}, s)
        for width in (375, 800):
            for scheme in ("light", "dark"):
                case = f"{width} px {scheme}"
                b.call("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": 900, "deviceScaleFactor": 1,
                    "mobile": width < 600}, s)
                b.call("Emulation.setEmulatedMedia", {"features": [
                    {"name": "prefers-color-scheme", "value": scheme}]}, s)
                b.call("Page.navigate", {"url": "file://" + page}, s)
                b.wait_event("Page.loadEventFired")
                r = json.loads(b.call("Runtime.evaluate", {"expression": MEASURE,
                    "returnByValue": True}, s)["result"]["value"])
                check(r, width, scheme, accent, case, want)
                if shots:
                    shot(b, s, width, r["height"], 1,
                         os.path.join(shots, f"mail-{width}-{scheme}.png"))
                if readme and width == 375 and scheme == "light":
                    shot(b, s, width, 812, 2, readme)   # a phone's first screen
        for m in b.events:
            if m.get("method") == "Network.requestWillBeSent":
                url = m["params"]["request"]["url"]
                want(url.startswith("file://" + page) or url.startswith("data:"),
                     f"the page requested {url[:80]}")
    finally:
        b.close()
        shutil.rmtree(tmp, ignore_errors=True)
    for p in problems:
        print("browsercheck:", p)
    return 1 if problems else 0


def check(r, width, scheme, accent, case, want):
    want(r["dark"] == (scheme == "dark"), f"{case}: the colour scheme was not emulated")
    want(r["inner"] == width, f"{case}: viewport {r['inner']} px")
    want(r["scroll"] <= width and r["bodyScroll"] <= width,
         f"{case}: scrolls sideways ({r['scroll']} px wide)")
    want(0 < r["card"] <= 600, f"{case}: the column is {r['card']} px wide")
    if width >= 640:
        want(r["card"] == 600, f"{case}: the column is {r['card']} px, not 600")
    want(not r["small"], f"{case}: text under 14 px: {r['small'][:3]}")
    want(r["pointSize"] >= 14 and r["npoints"] > 0,
         f"{case}: {r['npoints']} points at {r['pointSize']} px")
    if scheme == "light":
        want(r["cardBg"] > 0.85, f"{case}: the card's luminance is {r['cardBg']:.2f}")

        want(r["accent"] == rgb(accent),
             f"{case}: the masthead rule is {r['accent']}, not the accent {rgb(accent)}")
    else:
        want(r["cardBg"] < 0.1 and r["pageBg"] < 0.1,
             f"{case}: not dark (luminance {r['cardBg']:.2f}, page {r['pageBg']:.2f})")

    # WCAG contrast: 4.5 for the large title, 7 for the reading text.
    def contrast(a, b):
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    want(contrast(r["h1Color"], r["cardBg"]) >= 4.5 and contrast(r["pointColor"], r["cardBg"]) >= 7,
         f"{case}: contrast {contrast(r['h1Color'], r['cardBg']):.1f} (title), "
         f"{contrast(r['pointColor'], r['cardBg']):.1f} (points)")
    want(r["preHidden"] and r["preText"], f"{case}: the preheader is missing or shows")
    for i in r["imgs"]:
        want(i["w"] <= 600 and i["h"] <= 360 and i["w"] <= width,
             f"{case}: a picture drawn at {i['w']}x{i['h']}")
        want(i["nw"] >= 2 * i["w"] - 1 and i["nw"] <= 1200 and i["nh"] <= 720,
             f"{case}: a picture of {i['nw']}x{i['nh']} px drawn at {i['w']:.0f} px")
        want(len(i["alt"]) > 10 and "page" not in i["alt"].lower(),
             f"{case}: alt text {i['alt']!r}")
    want(r["lang"] and r["title"], f"{case}: lang {r['lang']!r}, title {r['title']!r}")
    want(r["viewport"] and "device-width" in r["viewport"], f"{case}: no viewport meta")
    want(r["scheme"] == "light dark" and r["supported"] == "light dark",
         f"{case}: color-scheme {r['scheme']!r}")
    want(r["scripts"] == 0, f"{case}: {r['scripts']} scripts")
    want(not r["unstyled"], f"{case}: elements without inline style: {r['unstyled'][:5]}")


def shot(b, s, width, height, scale, path):
    b.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
           "deviceScaleFactor": scale, "mobile": width < 600}, s)
    png = b.call("Page.captureScreenshot", {"format": "png"}, s)["data"]
    with open(path, "wb") as f:
        f.write(base64.b64decode(png))


if __name__ == "__main__":
    sys.exit(main())
