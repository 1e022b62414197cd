#!/usr/bin/env python3
"""Opens the published site in headless Chromium, as a rep would, and takes screenshots.

Usage: browser-check.py SITE_DIR [SCREENSHOT_DIR]
Opens index.html from disk, follows a term link, searches for a synonym ("hot lead") and
follows the hit to the MQL entry, then screenshots the glossary and the SLA.
Needs Debian's chromium and chromium-driver, and selenium from PyPI; nothing is downloaded.
Exit 0 when every step worked.
"""
import pathlib, sys, time
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

try:
    driver.get((site / "index.html").as_uri())
    assert "Keystone" in driver.title, driver.title
    step(f"opened {driver.title!r} from disk")

    driver.find_element(By.LINK_TEXT, "Lifecycle stages").click()
    assert driver.current_url.endswith("lifecycle-stages.html"), driver.current_url
    assert driver.find_element(By.TAG_NAME, "h1").text == "Lifecycle stages"
    step("followed the term link to lifecycle-stages.html")

    box = driver.find_element(By.ID, "search")
    box.send_keys("hot lead")
    time.sleep(0.2)
    hits = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
    assert hits, "no search results for a synonym"
    first = hits[0].text.splitlines()[0]
    assert first == "Marketing-qualified lead (MQL)", first
    step(f"searching 'hot lead' finds {first!r}")
    driver.save_screenshot(str(shots / "search.png"))
    hits[0].click()
    assert driver.current_url.endswith("glossary.html#mql"), driver.current_url
    assert driver.execute_script("return window.scrollY") > 0, "did not scroll to the anchor"
    step("the hit opens glossary.html#mql, scrolled to the entry")
    driver.save_screenshot(str(shots / "glossary.png"))

    driver.get((site / "sla.html").as_uri())
    driver.save_screenshot(str(shots / "sla.png"))
    pdf = driver.print_page()  # the print stylesheet hides the navigation
    step(f"sla.html printed to PDF ({len(pdf) * 3 // 4 // 1024} KB)")
    print("browser: all steps passed")
finally:
    driver.quit()
