#!/usr/bin/env python3
"""Opens two published sites in headless Chromium as readers in Thai and Polish would.

Usage: browser-languages.py THAI_SITE POLISH_SITE
THAI_SITE is the Thai starter with an en-US translation; POLISH_SITE the Polish starter.
On a Thai term page: the page says lang="th-TH", a Thai word found only inside a definition
(written without spaces) is found by search, and switching to English keeps the entry in view.
On the Polish site: typing "zly moment" without diacritics finds the status whose synonym is
"zły moment". Exit 0 when every step worked, 1 with the first step that did not.
"""
import pathlib, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

thai, polish = (pathlib.Path(p).resolve() for p in sys.argv[1:3])
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

class CheckFailed(Exception):
    pass

def check(condition, message):
    if not condition:
        raise CheckFailed(message)

def search(text):
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    time.sleep(0.2)
    return [hit.text.splitlines()[0] for hit in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]

try:
    driver.get((thai / "lead-statuses.html").as_uri() + "#status-returned-not-ready")
    lang = driver.execute_script("return document.documentElement.lang")
    check(lang == "th-TH", f"the Thai page says lang={lang!r}")
    print("browser: the Thai term page is lang=th-TH")

    # งบประมาณ (budget) appears only inside a definition written without spaces.
    hits = search("งบประมาณ")
    check("ส่งคืนการตลาด — ยังไม่พร้อม" in hits, f"searching งบประมาณ found {hits}")
    print(f"browser: searching the Thai word งบประมาณ finds {hits[0]!r}")
    partial = search("ระมาณ")
    check("ส่งคืนการตลาด — ยังไม่พร้อม" not in partial, f"the middle of a Thai word matched: {partial}")
    print("browser: the middle of a Thai word (ระมาณ) does not match it")

    driver.find_element(By.CSS_SELECTOR, "a.language[hreflang='en-US']").click()
    time.sleep(0.2)
    check(driver.current_url.endswith("/en-US/lead-statuses.html#status-returned-not-ready"),
          f"switching language opened {driver.current_url}")
    lang = driver.execute_script("return document.documentElement.lang")
    check(lang == "en-US", f"the English page says lang={lang!r}")
    check(driver.execute_script("return window.scrollY") > 0, "the English page did not scroll to the entry")
    print("browser: switching to en-US keeps the entry in view")

    driver.get((polish / "index.html").as_uri())
    hits = search("zly moment")
    check(hits and hits[0] == "Zwrócony — jeszcze niegotowy", f"searching 'zly moment' found {hits}")
    print(f"browser: searching 'zly moment' finds {hits[0]!r}")
except CheckFailed as failure:
    print(f"browser: FAILED: {failure}", file=sys.stderr)
    sys.exit(1)
finally:
    driver.quit()
