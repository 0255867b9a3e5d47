"""导入版面 in a real browser: upload a page with its source fields, preview, confirm or cancel."""
import os
import zipfile

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.admin.upload import uploads_root
from articles.models import Article, IngestRun, Source

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("clean_dictionary"),
]

PASSWORD = "upload-round-2024"

PAGE = """党建在高新

锂电链上党旗红

——淮北高新区以党建联盟聚合产业链

■ 本报记者 李明

近日，淮北高新区成立锂电产业链党建联盟，推动链上企业党组织共建共享、互促共进。

南京中比新材料基地项目签约落户淮北高新区，项目总投资50亿元，建设年产10万吨锂电负极生产基地。
"""
CITATION = "中国高新技术产业导报 2022年9月5日 A7版 · 党建在高新"


def shot(page, name):
    """Screenshots at desktop and phone width when SCREENSHOT_DIR is set (SCREENSHOT_DIR=/tmp/shots)."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    size = page.viewport_size
    page.screenshot(path=os.path.join(folder, f"upload_{name}_desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=os.path.join(folder, f"upload_{name}_390.png"), full_page=True)
    page.set_viewport_size(size)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def logged_in(live_server, page):
    call_command("setup_curators", "--user", "curator", verbosity=0)
    user = User.objects.get(username="curator")
    user.set_password(PASSWORD)
    user.save()
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    return page


def open_upload(page, live_server, *paths, dated=True):
    page.goto(f"{live_server.url}/admin/articles/source/")
    shot(page, "0_sources")
    page.get_by_role("link", name="导入版面").click()
    expect(page.locator("h1")).to_have_text("导入版面")
    if dated:
        page.fill("#id_paper", "中国高新技术产业导报")
        page.fill("#id_date", "2022-09-05")
        page.fill("#id_page", "A7")
        page.fill("#id_page_name", "党建在高新")
    page.set_input_files("#id_files", [str(path) for path in paths])


def test_a_curator_uploads_previews_and_confirms_a_page(live_server, logged_in, tmp_path):
    page = logged_in
    path = tmp_path / "a7-lidian.txt"
    path.write_text(PAGE, encoding="utf-8")
    open_upload(page, live_server, path)
    shot(page, "1_form")
    page.get_by_role("button", name="上传并预览").click()

    expect(page.locator("h1")).to_have_text("导入版面：预览")
    expect(page.locator("#upload-summary")).to_contain_text("尚未写入任何内容")
    expect(page.locator("table.kb-preview")).to_contain_text("锂电链上党旗红")
    expect(page.locator("table.kb-preview")).to_contain_text("淮北高新区")
    expect(page.locator(".kb-place")).to_have_text(CITATION)
    shot(page, "2_preview")
    assert not Source.objects.exists()

    page.get_by_role("button", name="确认导入").click()
    expect(page.locator(".messagelist .success")).to_contain_text("已导入 1 个版面")
    expect(page.locator("#content")).to_contain_text("a7-lidian.txt")  # the run's record
    shot(page, "3_run")
    run = IngestRun.objects.get()
    assert run.ok and [f["name"] for f in run.files] == ["a7-lidian.txt"]
    assert not uploads_root().exists() or not any(uploads_root().iterdir())

    article = Article.objects.get()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("锂电链上党旗红")
    expect(page.locator("body")).to_contain_text(CITATION)
    assert page.console_errors == []


def test_cancel_stores_nothing_and_removes_the_files(live_server, logged_in, tmp_path):
    page = logged_in
    path = tmp_path / "undated.txt"
    path.write_text(PAGE, encoding="utf-8")
    renamed_zip = tmp_path / "scan.pdf"
    with zipfile.ZipFile(renamed_zip, "w") as archive:
        archive.writestr("page.txt", PAGE)
    open_upload(page, live_server, path, renamed_zip, dated=False)
    page.get_by_role("button", name="上传并预览").click()
    expect(page.locator(".kb-warnings")).to_contain_text("出版日期未知")
    expect(page.locator(".kb-file .errornote")).to_contain_text("内容却是 ZIP 压缩包")
    shot(page, "4_preview_warnings")
    assert len(list(uploads_root().iterdir())) == 1

    page.get_by_role("button", name="取消，不导入").click()
    expect(page.locator(".messagelist .info")).to_contain_text("没有写入任何内容")
    expect(page).to_have_url(f"{live_server.url}/admin/articles/source/")
    assert not Source.objects.exists() and not Article.objects.exists() and not IngestRun.objects.exists()
    assert list(uploads_root().iterdir()) == []
    assert page.console_errors == []
