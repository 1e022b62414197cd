#!/usr/bin/env python3
"""Opens the published site in headless Chromium, as a rep would, and takes screenshots.

Usage: browser-check.py SITE_DIR [SCREENSHOT_DIR]
Opens index.html from disk, follows a term link, searches for a synonym ("hot lead") and
follows the hit to the MQL entry, checks the SLA page (its sections and both signatories, and
that the print stylesheet hides the navigation) and prints it to PDF, then screenshots the
glossary and the SLA.
Needs Debian's chromium and chromium-driver, and selenium from PyPI; nothing is downloaded.
Exit 0 when every step worked, 1 with the first step that did not. The checks are not `assert`
statements, so they also run under PYTHONOPTIMIZE.
"""
import base64, pathlib, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

site = pathlib.Path(sys.argv[1]).resolve()
shots = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".").resolve()
shots.mkdir(parents=True, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--hide-scrollbars"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

def step(message):
    print(f"browser: {message}")

class CheckFailed(Exception):
    pass

def check(condition, message):
    if not condition:
        raise CheckFailed(message)

try:
    driver.get((site / "index.html").as_uri())
    check("Keystone" in driver.title, f"index.html has the title {driver.title!r}, expected Keystone's")
    step(f"opened {driver.title!r} from disk")

    driver.find_element(By.LINK_TEXT, "Lifecycle stages").click()
    check(driver.current_url.endswith("lifecycle-stages.html"), f"the term link opened {driver.current_url}")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    check(heading == "Lifecycle stages", f"lifecycle-stages.html has the heading {heading!r}")
    step("followed the term link to lifecycle-stages.html")

    box = driver.find_element(By.ID, "search")
    box.send_keys("hot lead")
    time.sleep(0.2)
    hits = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
    check(hits, "no search results for the synonym 'hot lead'")
    first = hits[0].text.splitlines()[0]
    check(first == "Marketing-qualified lead (MQL)", f"the first hit for 'hot lead' is {first!r}")
    step(f"searching 'hot lead' finds {first!r}")
    driver.save_screenshot(str(shots / "search.png"))
    hits[0].click()
    check(driver.current_url.endswith("glossary.html#mql"), f"the hit opened {driver.current_url}")
    check(driver.execute_script("return window.scrollY") > 0, "glossary.html#mql did not scroll to the entry")
    step("the hit opens glossary.html#mql, scrolled to the entry")
    driver.save_screenshot(str(shots / "glossary.png"))

    driver.get((site / "sla.html").as_uri())
    heading = driver.find_element(By.TAG_NAME, "h1").text
    check(heading == "Service level agreement between marketing and sales", f"sla.html has the heading {heading!r}")
    sections = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
    for wanted in ("Parties", "Definitions", "Commitments", "Reporting", "When a commitment is missed", "Business calendar", "Signatures"):
        check(any(wanted in text for text in sections), f"sla.html has no section {wanted!r}; it has {sections}")
    text = driver.find_element(By.TAG_NAME, "body").text
    for signatory in ("Dana Whitfield", "Marcus Oyelaran"):
        check(signatory in text, f"sla.html does not name the signatory {signatory}")
    check("120 MQLs per month" in text, "sla.html does not state marketing's volume commitment (120 MQLs per month)")
    navigation = driver.find_element(By.CSS_SELECTOR, "nav.site")
    check(navigation.is_displayed(), "the site navigation is hidden on screen")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check(not navigation.is_displayed(), "the print stylesheet does not hide the site navigation")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    step("sla.html has its sections, both signatories and the volume commitment; print hides the navigation")
    driver.save_screenshot(str(shots / "sla.png"))
    pdf = base64.b64decode(driver.print_page())
    check(pdf.startswith(b"%PDF-") and len(pdf) > 10_000, f"printing sla.html gave {len(pdf)} bytes, not a PDF")
    step(f"sla.html printed to PDF ({len(pdf) // 1024} KB)")
    print("browser: all steps passed")
except CheckFailed as failure:
    print(f"browser: FAILED: {failure}")
    sys.exit(1)
finally:
    driver.quit()
