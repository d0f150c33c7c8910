#!/usr/bin/env python3
"""Crawl a running Coproduce over HTTP and fail on any server error.

    script/crawl.py http://127.0.0.1:8000 [--sign-in EMAIL --password PASSWORD] [--max 1500]

Follows every same-site link from the home page, breadth first, as a visitor or (with
--sign-in) as that person. Pages that differ only by their numbers (/projects/12/, ?page=3)
are sampled: at most --per-shape of each. Static files are not fetched. Exits 1 when any page
answers 5xx or cannot be reached, 2 on bad arguments. Standard library only: it runs against
any deployment, from any machine.
"""

import argparse
import re
import sys
import time
from collections import Counter, deque
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

SKIP_PREFIXES = ("/static/", "/media/", "/admin/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.csrf = ""

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "input" and values.get("name") == "csrfmiddlewaretoken":
            self.csrf = values.get("value") or ""


def _shape(path: str, query: str) -> str:
    keys = "&".join(sorted(part.split("=")[0] for part in query.split("&") if part))
    return re.sub(r"\d+", "N", path) + "?" + keys


class _Crawler:
    def __init__(self, base: str, *, per_shape: int, limit: int):
        parts = urlsplit(base)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()), HTTPRedirectHandler())
        self.per_shape, self.limit = per_shape, limit
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []
        self.times: list[float] = []

    def fetch(self, url: str, data: bytes | None = None) -> tuple[int, str]:
        # Only http(s) addresses of the site itself reach here (checked in main and crawl).
        request = Request(url, data=data, headers={"User-Agent": "coproduce-crawl"})  # noqa: S310
        if data is not None:
            request.add_header("Referer", url)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=30) as response:
                status, body = response.status, response.read()
                kind = response.headers.get("Content-Type", "")
        except HTTPError as error:
            status, body, kind = error.code, error.read(), error.headers.get("Content-Type", "")
        self.times.append(time.perf_counter() - started)
        text = body.decode("utf-8", "replace") if "html" in kind else ""
        return status, text

    def sign_in(self, email: str, password: str) -> None:
        url = f"{self.origin}/account/sign-in/"
        _status, page = self.fetch(url)
        parser = _Links()
        parser.feed(page)
        form = {"csrfmiddlewaretoken": parser.csrf, "username": email, "password": password}
        status, page = self.fetch(url, urlencode(form).encode())
        if status != 200 or ("sign-out" not in page and "Sign out" not in page):
            raise SystemExit(f"Could not sign in as {email} (HTTP {status}).")

    def crawl(self) -> None:
        queue, seen, shapes = deque([f"{self.origin}/"]), {f"{self.origin}/"}, Counter()
        while queue and sum(self.statuses.values()) < self.limit:
            url = queue.popleft()
            try:
                status, page = self.fetch(url)
            except (URLError, TimeoutError, ConnectionError) as error:
                self.failures.append(f"{url}: {error}")
                continue
            self.statuses[status] += 1
            if status >= 500:
                self.failures.append(f"{url}: HTTP {status}")
            parser = _Links()
            parser.feed(page)
            for href in parser.links:
                parts = urlsplit(urljoin(url, href))
                if f"{parts.scheme}://{parts.netloc}" != self.origin:
                    continue
                if parts.path.startswith(SKIP_PREFIXES):
                    continue
                link = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
                shape = _shape(parts.path, parts.query)
                if link in seen or shapes[shape] >= self.per_shape:
                    continue
                seen.add(link)
                shapes[shape] += 1
                queue.append(link)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", help="where the site is served, e.g. http://127.0.0.1:8000")
    parser.add_argument("--sign-in", metavar="EMAIL")
    parser.add_argument("--password", default="")
    parser.add_argument("--max", type=int, default=1500, help="most pages to open")
    parser.add_argument("--per-shape", type=int, default=3)
    args = parser.parse_args()
    if not args.base.startswith(("http://", "https://")):
        parser.error("the address must start with http:// or https://")
    crawler = _Crawler(args.base, per_shape=args.per_shape, limit=args.max)
    if args.sign_in:
        crawler.sign_in(args.sign_in, args.password)
    crawler.crawl()
    pages = sum(crawler.statuses.values())
    times = sorted(crawler.times) or [0.0]
    who = args.sign_in or "a visitor"
    print(
        f"Crawled {pages} pages as {who}: "
        + ", ".join(f"{count} x {status}" for status, count in sorted(crawler.statuses.items()))
        + f"; median {times[len(times) // 2] * 1000:.0f} ms, slowest {times[-1] * 1000:.0f} ms."
    )
    for failure in crawler.failures:
        print(f"FAILED {failure}", file=sys.stderr)
    if pages < 50:
        print("FAILED: fewer than 50 pages were reached; is the site up?", file=sys.stderr)
        return 1
    return 1 if crawler.failures else 0


if __name__ == "__main__":
    sys.exit(main())
