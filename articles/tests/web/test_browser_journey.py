"""The reader's journey of the browse issue, in a real browser."""
import re

import pytest

from articles.tests.factories import make_article, make_indicator, make_initiative, make_metric
from zones.models import Zone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "近日，南京中比新材料基地项目签约落户淮北高新区。项目总投资50亿元，建设年产10万吨锂电负极生产基地。\n"
    "今年4月，淮北高新区党工委成立锂电产业链党建联盟，14家企业先行加入。群众满意率达98%。"
)


@pytest.fixture
def huaibei(reference_zones):
    zone = Zone.objects.get(name="淮北高新区")
    invest = make_indicator("总投资", slug="total-investment")
    article = make_article(
        title="党建引领开新局", kicker="聚焦党建赋能", subtitle="——淮北高新区党建赋能高质量发展纪实",
        byline="■ 首席记者 肖干", authors=["肖干"], body=BODY, zone=zone, year=2023,
    )
    make_metric(article, label="总投资", value=50, unit="亿元", normalized_value=5e9, year=2023,
                sentence="项目总投资50亿元，建设年产10万吨锂电负极生产基地。", indicator=invest)
    make_metric(article, label="满意率", value=98, unit="%", normalized_value=98, normalized_unit="%",
                year=2023, sentence="群众满意率达98%。")
    make_initiative("锂电产业链党建联盟", article=article, category="industry_chain",
                    sentence="今年4月，淮北高新区党工委成立锂电产业链党建联盟，14家企业先行加入。")
    other = make_article(title="合肥项目签约", zone=Zone.objects.get(name="合肥高新区"), year=2023,
                         body="合肥项目总投资8000万元。")
    make_metric(other, label="总投资", value=8000, unit="万元", normalized_value=8e7, year=2023,
                sentence="合肥项目总投资8000万元。", indicator=invest)
    return zone


def painted_pixels(page, selector):
    return page.evaluate(
        """(selector) => {
            const canvas = document.querySelector(selector);
            if (!canvas) return 0;
            const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
            return painted;
        }""",
        selector,
    )


def test_home_to_province_zone_article_sentence_metrics_chart_and_csv(live_server, page, huaibei):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "高新区党建知识库"

    page.get_by_role("link", name="安徽省", exact=True).first.click()
    assert page.locator("h1").inner_text() == "安徽省的高新区"
    assert page.locator(".zone-grid li").count() >= 5

    page.locator(".zone-grid").get_by_role("link", name="淮北高新区").click()
    assert page.locator("h1").inner_text() == "淮北高新区"
    # Its figures by indicator: one year of 总投资 is a small table (a chart needs several years).
    assert "总投资" in page.locator(".indicator-card").first.inner_text()

    page.get_by_role("link", name="党建引领开新局").first.click()
    assert page.locator("h1").inner_text() == "党建引领开新局"

    # Follow a figure to the sentence it came from: the sentence is the target and highlighted.
    page.locator(".fact-list").get_by_role("link", name=re.compile(r"原文句子\s*：总投资50亿元")).click()
    target = page.locator(":target")
    assert target.inner_text() == "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert target.is_visible()

    # Back on the zone page, compare its figures in the metrics explorer.
    page.go_back()
    page.go_back()
    page.get_by_role("link", name="在数据指标中查看全部").click()
    page.wait_for_load_state()  # count() does not wait for the new page's rows
    assert "zone=huaibei" in page.url
    assert page.locator("h1").inner_text() == "数据指标"
    assert page.locator(".data-table tbody tr").count() == 2
    page.wait_for_selector(".chart canvas")
    assert painted_pixels(page, ".chart canvas") > 500

    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 CSV").click()
    download = download_info.value
    assert download.suggested_filename == "metrics-huaibei.csv"
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "总投资50亿元" in text and "满意率98%" in text and "合肥" not in text

    assert page.console_errors == []


def test_metrics_explorer_filter_form_and_chart_on_a_phone(live_server, page, huaibei):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/metrics/")
    page.locator("#id_label").fill("总投资")
    page.get_by_role("button", name="筛选").click()
    assert "label=" in page.url
    page.wait_for_selector(".chart canvas")
    assert painted_pixels(page, ".chart canvas") > 500
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []


def test_bad_filter_shows_a_form_error_in_the_browser(live_server, page, huaibei):
    page.goto(live_server.url + "/articles/?year=abc&kind=%3Cscript%3E")
    assert page.locator(".form-errors").is_visible()
    assert page.locator("[aria-invalid=true]").count() == 2
    # The page answers 400, which the browser logs; nothing else may fail.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
