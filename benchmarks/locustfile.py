"""The mixed load of benchmarks/load.py: visitors, residents and officers (locust).

Run through benchmarks/load.py, which starts the server, finds real ids in the database and
passes them here in LOAD_SAMPLE (a JSON file). Weights are in requests: most people only
read, a few residents write (RSVP, appreciate, comment), and officers read staff pages.
Every answer of 500 or more is a failure named "HTTP 5xx", which load.py counts.
"""

import json
import os
import random
import re

from locust import HttpUser, between, task

SAMPLE = json.loads(open(os.environ["LOAD_SAMPLE"], encoding="utf-8").read())  # noqa: SIM115
PASSWORD = os.environ.get("DEMO_PASSWORD", "coproduce-demo")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A square around the borough's centre, as the map page first asks for it, and a closer view.
WIDE, WIDE_ZOOM = SAMPLE["bbox"], 13
# Map tiles: a quarter of the borough's box, in one of its four corners, one zoom closer.


def _quarter(corner: int) -> str:
    west, south, east, north = SAMPLE["bbox_numbers"]
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    x0, x1 = (west, mid_x) if corner % 2 == 0 else (mid_x, east)
    y0, y1 = (south, mid_y) if corner < 2 else (mid_y, north)
    return f"{x0:.5f},{y0:.5f},{x1:.5f},{y1:.5f}"


class _Reader(HttpUser):
    abstract = True
    wait_time = between(0, 0)  # closed loop: each user asks again as soon as answered

    def get(self, path: str, name: str) -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code >= 500:
                response.failure("HTTP 5xx")
            elif response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            else:
                response.success()
            return response.text or ""

    def sign_in(self, email: str) -> None:
        page = self.get("/account/sign-in/", "sign in (form)")
        found = TOKEN.search(page)
        with self.client.post(
            "/account/sign-in/",
            {
                "csrfmiddlewaretoken": found.group(1) if found else "",
                "username": email,
                "password": PASSWORD,
            },
            name="sign in",
            catch_response=True,
        ) as response:
            if "sign-out" not in response.text and "Sign out" not in response.text:
                response.failure(f"could not sign in as {email}")
        # Signing in rotates the token: read the new one from a page with a form.
        self.csrf = TOKEN.search(self.get("/account/sign-in/", "sign in (form)") or "")
        self.csrf = self.csrf.group(1) if self.csrf else ""


class Visitor(_Reader):
    """Someone not signed in, looking around."""

    weight = 6

    @task(8)
    def home(self):
        self.get("/", "home")

    @task(6)
    def projects(self):
        self.get(f"/projects/?page={random.randint(1, 5)}", "projects list")

    @task(8)
    def project(self):
        self.get(f"/projects/{random.choice(SAMPLE['projects'])}/", "a project")

    @task(2)
    def busy_project(self):
        self.get(f"/projects/{SAMPLE['busy_project']}/", "the busiest project")

    @task(4)
    def map_page(self):
        self.get("/map/", "map page")

    @task(6)
    def map_features(self):
        if random.random() < 0.5:
            query = f"bbox={WIDE}&zoom={WIDE_ZOOM}"
        else:
            query = f"bbox={_quarter(random.randint(0, 3))}&zoom={WIDE_ZOOM + 1}"
        self.get(f"/api/map/features?{query}", "map features (JSON)")

    @task(4)
    def places(self):
        self.get(f"/map/?layers=places&page={random.randint(1, 20)}", "places list")

    @task(6)
    def place(self):
        self.get(f"/places/{random.choice(SAMPLE['places'])}/", "a place")

    @task(4)
    def groups(self):
        self.get(f"/groups/?page={random.randint(1, 5)}", "groups list")

    @task(3)
    def group(self):
        self.get(f"/groups/{random.choice(SAMPLE['groups'])}/", "a group")

    @task(4)
    def events(self):
        self.get("/gatherings/", "events list")

    @task(4)
    def event(self):
        self.get(f"/gatherings/events/{random.choice(SAMPLE['events'])}/", "an event")

    @task(3)
    def search(self):
        self.get(f"/search/?q={random.choice(SAMPLE['words'])}", "search")


class Resident(_Reader):
    """A signed-in resident: mostly reading, now and then taking part."""

    weight = 3

    def on_start(self):
        self.sign_in(SAMPLE["resident"])

    def post(self, path: str, data: dict, name: str) -> None:
        data = {"csrfmiddlewaretoken": self.csrf, **data}
        with self.client.post(path, data, name=name, catch_response=True) as response:
            if response.status_code >= 500:
                response.failure("HTTP 5xx")
            elif response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            else:
                response.success()

    @task(6)
    def your_page(self):
        self.get("/your-page/", "your page")

    @task(4)
    def project(self):
        self.get(f"/projects/{random.choice(SAMPLE['projects'])}/", "a project (signed in)")

    @task(3)
    def map_page(self):
        self.get("/map/", "map page (signed in)")

    @task(3)
    def events(self):
        self.get("/gatherings/", "events list (signed in)")

    @task(2)
    def event(self):
        self.get(f"/gatherings/events/{random.choice(SAMPLE['events'])}/", "an event (signed in)")

    @task(1)
    def rsvp(self):
        event = random.choice(SAMPLE["future_events"])
        self.post(f"/gatherings/events/{event}/place/", {"access_note": ""}, "write: RSVP")

    @task(1)
    def appreciate(self):
        project = random.choice(SAMPLE["projects"])
        self.post(f"/projects/{project}/appreciate/", {}, "write: appreciate")

    @task(1)
    def comment(self):
        project = random.choice(SAMPLE["projects"])
        body = "Thank you, this would help our street. (load test)"
        self.post(f"/discussion/projects/{project}/comment/", {"body": body}, "write: comment")


class Officer(_Reader):
    """A council officer working through staff pages."""

    weight = 1

    def on_start(self):
        self.sign_in(SAMPLE["officer"])

    @task(3)
    def staff_pages(self):
        path = random.choice(SAMPLE["staff_pages"])
        self.get(path, f"staff: {path}")

    @task(2)
    def projects(self):
        self.get("/projects/", "projects list (officer)")
