"""One curation round in a real browser, then a re-ingest that must not undo it."""
import os

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.models import Article, Initiative, Metric
from articles.tests.factories import make_zone
from zones.models import Zone

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("clean_dictionary"),
]

PASSWORD = "curation-round-2024"

# A page in the newspaper's layout, naming a zone by a second spelling.
PAGE = """党建在高新

锂电链上党旗红

——淮北市高新区以党建联盟聚合产业链

■ 本报记者 李明

近日，淮北市高新区成立锂电产业链党建联盟，推动链上企业党组织共建共享、互促共进。

南京中比新材料基地项目签约落户淮北市高新区，项目总投资50亿元，建设年产10万吨锂电负极生产基地。
"""


def shot(page, name):
    """Keep a screenshot to look at when SCREENSHOT_DIR is set (e.g. SCREENSHOT_DIR=screenshots)."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        page.screenshot(path=os.path.join(folder, f"curation_{name}.png"), full_page=True)


def run_action(page, action_label):
    page.locator("select[name=action]").select_option(label=action_label)
    page.locator("button[name=index]").first.click()


def test_edits_hides_and_merges_survive_the_next_ingest(live_server, page, tmp_path):
    survivor = make_zone("淮北高新区", full_name="淮北高新技术产业开发区", slug="huaibei",
                         city="淮北市")
    make_zone("淮北市高新区", slug="huaibei-shi", city="淮北市")
    User.objects.create_superuser("curator", "curator@example.cn", PASSWORD)
    path = tmp_path / "page-curation.txt"
    path.write_text(PAGE, encoding="utf-8")
    call_command("ingest", str(path), verbosity=0)
    article = Article.objects.get()
    assert article.zone.name == "淮北市高新区"
    metric = Metric.objects.get(raw__contains="50亿元")

    # Log in.
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    # Edit the article's title.
    page.goto(f"{live_server.url}/admin/articles/article/?q=锂电链上党旗红")
    page.get_by_role("link", name="锂电链上党旗红").click()
    shot(page, "1_article")
    expect(page.locator("mark", has_text="50亿元").first).to_be_visible()  # provenance, highlighted
    page.fill("#id_title", "淮北高新区成立锂电产业链党建联盟")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)

    # Hide the investment figure.
    page.goto(f"{live_server.url}/admin/articles/metric/")
    page.locator(f"input[name=_selected_action][value='{metric.pk}']").check()
    run_action(page, "隐藏（不在公开页面与接口中出现）")
    expect(page.locator(".messagelist .success")).to_have_count(1)

    # Merge the second spelling into 淮北高新区.
    page.goto(f"{live_server.url}/admin/zones/zone/?q=淮北")
    for box in page.locator("input[name=_selected_action]").all():
        box.check()
    run_action(page, "合并所选高新区…")
    expect(page.get_by_role("button", name="确认合并")).to_be_visible()
    page.check(f"#survivor-{survivor.pk}")
    shot(page, "2_merge_confirmation")
    page.get_by_role("button", name="确认合并").click()
    expect(page.locator(".messagelist")).to_contain_text("已将 淮北市高新区 合并到 淮北高新区")
    shot(page, "3_merged")

    # The pages are ingested again: nothing of the above is undone.
    call_command("ingest", str(path), verbosity=0)

    article.refresh_from_db()
    assert article.title == "淮北高新区成立锂电产业链党建联盟"
    assert article.zone == survivor
    assert Metric.objects.get(pk=metric.pk).hidden
    assert not Zone.objects.filter(name="淮北市高新区").exists()
    assert all(i.zone == survivor for i in Initiative.objects.all())

    page.goto(f"{live_server.url}/articles/{article.pk}/")
    assert page.locator("h1").inner_text() == "淮北高新区成立锂电产业链党建联盟"
    metrics = page.request.get(f"{live_server.url}/api/metrics/?zone=huaibei").json()
    assert metrics["count"] >= 1  # the other figures moved with the zone
    assert metric.pk not in [m["id"] for m in metrics["results"]]
    page.goto(f"{live_server.url}/admin/articles/ingestrun/")
    shot(page, "4_ingest_runs")
    assert page.locator("#result_list tbody tr").count() == 2
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("heading", name="导入结果").click()
    shot(page, "5_ingest_comparison")
    assert page.locator("tr.kb-differs").count() >= 1
    assert page.console_errors == []
