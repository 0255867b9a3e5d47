"""导入版面 in the admin: upload, preview (nothing written), confirm (one ingest run) or cancel."""
import datetime
import io
import os
import time
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.admin.upload import STALE_SECONDS, safe_name, sweep_stale, uploads_root
from articles.models import Article, IngestRun, Initiative, Metric, Source
from articles.tests.ingest.test_readers_html import PARAS, TITLE
from zones.models import Zone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]

UPLOAD = reverse("admin:articles_source_upload")
GIVEN = {"paper": "中国高新技术产业导报", "date": "2022-09-05", "page": "A7", "page_name": "党建在高新"}
PAGE_TEXT = f"党建在高新\n\n{TITLE}\n\n" + "\n\n".join(PARAS) + "\n"


def text_file(name="brief.txt", text=PAGE_TEXT):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def zip_named_pdf(name="page.pdf"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.txt", PAGE_TEXT)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def upload(client, *files, **fields):
    return client.post(UPLOAD, {**fields, "files": list(files)})


def preview_url(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def folders():
    root = uploads_root()
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []


def stored_counts():
    return tuple(model.objects.count() for model in (Source, Article, Initiative, Metric, IngestRun, Zone))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def curator(client):
    call_command("setup_curators", "--user", "curator", verbosity=0)
    user = User.objects.get(username="curator")
    client.force_login(user)
    return user


# --- preview, confirm, cancel -------------------------------------------------------


def test_the_source_list_offers_the_upload_to_curators(client, curator):
    listing = client.get(reverse("admin:articles_source_changelist")).content.decode()
    assert f'href="{UPLOAD}"' in listing and "导入版面" in listing
    form = client.get(UPLOAD).content.decode()
    assert 'type="file"' in form and "multiple" in form and 'enctype="multipart/form-data"' in form
    for name in ("paper", "date", "page", "page_name", "url"):
        assert f'name="{name}"' in form


def test_the_preview_shows_what_would_be_stored_and_writes_nothing(client, curator, reference_zones):
    before = stored_counts()
    response = upload(client, text_file(), **GIVEN)
    url = preview_url(response)
    assert stored_counts() == before
    [token] = folders()
    assert (uploads_root() / token / "files" / "brief.txt").is_file()

    page = client.get(url)
    html = page.content.decode()
    assert TITLE in html
    assert "中国高新技术产业导报 2022年9月5日 A7版 · 党建在高新" in html
    assert "合肥高新区" in html and "2022年9月5日" in html
    assert "确认导入" in html and "取消，不导入" in html
    [entry] = page.context["files"]
    [article] = entry["pages"][0]["articles"]
    assert article["title"] == TITLE and article["zones"][0] == "合肥高新区"
    assert article["kind"] in Article.Kind.labels and article["metrics"] >= 1
    assert stored_counts() == before  # looking again writes nothing either


def test_confirm_stores_one_ingest_run_with_the_given_date_and_paper(client, curator):
    url = preview_url(upload(client, text_file(), **GIVEN, url="http://paper.example/html/2022-09/05/node_7.htm"))
    response = client.post(url, {"_confirm": "1"})

    run = IngestRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_ingestrun_change", args=[run.pk])
    assert run.ok and [f["name"] for f in run.files] == ["brief.txt"]
    assert run.paths == ["后台上传（curator）：brief.txt"]
    assert run.counts["articles"]["created"] == 1

    source = Source.objects.get()
    assert (source.name, source.paper, source.date, source.page, source.page_name) == (
        "brief.txt", "中国高新技术产业导报", datetime.date(2022, 9, 5), "A7", "党建在高新")
    assert source.meta_source["date"] == source.meta_source["paper"] == "curator"
    assert source.original and source.original.read() == PAGE_TEXT.encode("utf-8")
    article = Article.objects.get()
    assert (article.title, article.date, article.date_source) == (TITLE, datetime.date(2022, 9, 5), "source")
    assert folders() == []  # the private copy is gone; the original is kept with the source

    record = client.get(response["Location"]).content.decode()
    assert "brief.txt" in record and "已导入 1 个版面" in record
    public = client.get(article.get_absolute_url()).content.decode()
    assert "中国高新技术产业导报 2022年9月5日 A7版 · 党建在高新" in public


def test_cancel_leaves_the_database_unchanged_and_the_folder_gone(client, curator):
    before = stored_counts()
    url = preview_url(upload(client, text_file(), text_file("second.txt", PAGE_TEXT.replace("合肥", "芜湖")), **GIVEN))
    assert len(folders()) == 1
    response = client.post(url, {"_cancel": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_source_changelist")
    assert stored_counts() == before
    assert folders() == []
    # The preview is gone too: opening it again says so.
    again = client.get(url)
    assert again.status_code == 302 and again["Location"] == UPLOAD


def test_a_second_confirm_of_the_same_upload_stores_nothing_more(client, curator):
    url = preview_url(upload(client, text_file(), **GIVEN))
    client.post(url, {"_confirm": "1"})
    client.post(url, {"_confirm": "1"})
    assert IngestRun.objects.count() == 1 and Source.objects.count() == 1


def test_a_bad_date_or_link_is_refused_before_anything_is_kept(client, curator):
    response = upload(client, text_file(), date="5/9/2022", url="javascript:alert(1)")
    assert response.status_code == 200
    form = response.context["form"]
    assert "YYYY-MM-DD" in " ".join(form.errors["date"])
    assert "http://" in " ".join(form.errors["url"])
    assert folders() == [] and not Source.objects.exists()


def test_no_file_chosen_is_an_error(client, curator):
    response = client.post(UPLOAD, GIVEN)
    assert response.status_code == 200 and "请选择至少一个文件" in response.content.decode()
    assert folders() == []


def test_the_preview_warns_of_no_zone_no_date_and_likely_duplicates(client, curator, tmp_path):
    stored = tmp_path / "stored.txt"
    stored.write_text(PAGE_TEXT, encoding="utf-8")
    call_command("ingest", str(stored), verbosity=0)
    first = Article.objects.get()
    copy = text_file("copy.txt", PAGE_TEXT.replace("党建在高新\n\n", "园区党建\n\n"))
    undated = text_file("undated.txt", "党建引领产业链协同发展\n\n今年以来，园区党工委推动链上企业党组织结对共建，服务企业30家。\n")
    same_bytes = text_file("same-bytes.txt", PAGE_TEXT)
    url = preview_url(upload(client, copy, undated, same_bytes))
    html = client.get(url).content.decode()
    assert f"文章 {first.pk}《{first.title}》" in html
    assert "与已存文章相同" in html
    assert "未识别到高新区" in html
    assert "出版日期未知" in html
    assert "与已导入的 stored.txt 内容相同，导入时将跳过" in html

    client.post(url, {"_confirm": "1"})
    assert Article.objects.filter(title=TITLE).count() == 1  # the copy became a second source
    assert [s.name for s in first.sources.all()] == ["copy.txt"]


def test_low_ocr_quality_is_flagged(monkeypatch):
    from articles.admin import upload as module
    from articles.ingest.pipeline import PageResult
    from articles.ingest.types import PageText

    page = PageText(name="scan.png", text="扫描", encoding="ocr", content_hash="0" * 64, ocr_quality=0.41)
    shown = module.preview_page(PageResult(page=page))
    assert "文字识别质量低（0.41），请核对原文" in shown["warnings"]


# --- hostile files ----------------------------------------------------------------------


HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>红链驿站&lt;script&gt;alert("title")&lt;/script&gt;串起量子产业生态</title>
<script>document.title = "pwned"; alert("head");</script></head>
<body><article>
<h1>红链驿站 &lt;script&gt;alert("title")&lt;/script&gt;串起量子产业生态</h1>
<p>{PARAS[0]}</p>
<script>alert("body")</script>
<p>{PARAS[1]}&lt;img src=x onerror=alert(1)&gt;</p>
<p>{PARAS[2]}</p>
</article></body></html>
"""


def test_an_html_page_with_scripts_is_read_as_text_and_shown_escaped(client, curator):
    hostile = SimpleUploadedFile("hostile.html", HOSTILE_HTML.encode("utf-8"), content_type="text/html")
    url = preview_url(upload(client, hostile, **GIVEN))
    html = client.get(url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html  # the title, as the text it is

    client.post(url, {"_confirm": "1"})
    article = Article.objects.get()
    assert "<script>alert(" in article.title and "<img src=x onerror=alert(1)>" in article.body
    assert "body" not in article.body and "head" not in article.body  # script elements are not text
    public = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in public and "<img src=x" not in public
    assert "&lt;script&gt;" in public


def test_a_zip_renamed_pdf_is_refused_with_a_clear_message(client, curator):
    before = stored_counts()
    url = preview_url(upload(client, zip_named_pdf(), **GIVEN))
    html = client.get(url).content.decode()
    assert "扩展名是 .pdf，内容却是 ZIP 压缩包" in html
    assert 'name="_confirm"' not in html and "没有可导入的文件" in html
    [token] = folders()
    assert list((uploads_root() / token / "files").iterdir()) == []  # deleted at once
    client.post(url, {"_cancel": "1"})
    assert stored_counts() == before and folders() == []


def test_refused_files_do_not_stop_the_others(client, curator):
    binary = SimpleUploadedFile("junk.txt", bytes(range(256)) * 16)
    empty = SimpleUploadedFile("empty.txt", b"")
    url = preview_url(upload(client, binary, zip_named_pdf(), empty, text_file(), **GIVEN))
    preview = client.get(url)
    refused = {f["name"]: f["refused"] for f in preview.context["files"]}
    assert refused["brief.txt"] == ""
    assert "不是文本文件" in refused["junk.txt"] and "ZIP" in refused["page.pdf"]
    assert refused["empty.txt"]
    assert preview.context["accepted"] == 1
    client.post(url, {"_confirm": "1"})
    run = IngestRun.objects.get()
    assert [f["name"] for f in run.files] == ["brief.txt"] and run.ok
    assert list(Source.objects.values_list("name", flat=True)) == ["brief.txt"]


def test_a_100_mb_file_is_refused_by_size_and_never_kept(client, curator):
    big = SimpleUploadedFile("big.txt", b"a" * (100 * 1024 * 1024), content_type="text/plain")
    url = preview_url(upload(client, big, text_file(), **GIVEN))
    preview = client.get(url)
    refused = {f["name"]: f["refused"] for f in preview.context["files"]}
    assert "文件过大" in refused["big.txt"]
    [token] = folders()
    assert [p.name for p in (uploads_root() / token / "files").iterdir()] == ["brief.txt"]


def test_a_file_over_its_formats_limit_is_refused_by_the_reader(client, curator, settings):
    settings.INGEST_MAX_FILE_BYTES = {"text": 1024}
    url = preview_url(upload(client, text_file("long.txt", PAGE_TEXT * 10), **GIVEN))
    [entry] = client.get(url).context["files"]
    assert "文件过大" in entry["refused"] and "text limit" in entry["refused"]


def test_an_upload_over_the_total_is_refused_whole(client, curator, settings):
    settings.INGEST_UPLOAD_MAX_BYTES = 64 * 1024
    files = [text_file(f"p{n}.txt", PAGE_TEXT * 20) for n in range(8)]
    response = upload(client, *files, **GIVEN)
    assert response.status_code == 200
    assert "合计超过" in response.content.decode()
    assert folders() == [] and not Source.objects.exists()


def test_too_many_files_are_refused_with_a_message(client, curator, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    response = upload(client, *[text_file(f"p{n}.txt") for n in range(4)], **GIVEN)
    assert response.status_code == 200
    assert "一次最多上传 3 个文件" in response.content.decode()
    assert folders() == []


def test_names_are_kept_inside_the_folder_and_repeats_refused(client, curator):
    assert safe_name("../../etc/passwd", 1) == "passwd"
    assert safe_name("..\\..\\a.txt", 1) == "a.txt"
    assert safe_name("...", 3) == "upload-3"
    assert safe_name("a\x00b<c>.txt", 1) == "a_b_c_.txt"
    assert len(safe_name("长" * 300 + ".txt", 1)) == 150
    url = preview_url(upload(client, text_file("same.txt"), text_file("same.txt", PAGE_TEXT.replace("合肥", "芜湖"))))
    files = client.get(url).context["files"]
    assert files[0]["refused"] == "" and "同名文件" in files[1]["refused"]


# --- the folder -------------------------------------------------------------------------


def test_an_upload_is_its_uploaders_only(client, curator):
    url = preview_url(upload(client, text_file(), **GIVEN))
    other = User.objects.create_user("other", password="pw-12345-long", is_staff=True)
    other.groups.add(Group.objects.get(name="Curators"))
    client.force_login(other)
    assert client.get(url).status_code == 302
    assert client.post(url, {"_confirm": "1"}).status_code == 302
    assert not Source.objects.exists() and len(folders()) == 1


def test_stale_uploads_are_swept(client, curator):
    preview_url(upload(client, text_file(), **GIVEN))
    [token] = folders()
    old = time.time() - STALE_SECONDS - 60
    os.utime(uploads_root() / token, (old, old))
    (uploads_root() / "not-a-token").mkdir()
    assert sweep_stale() == 1
    assert folders() == ["not-a-token"]  # only upload folders are touched


def test_the_folder_is_private(client, curator):
    preview_url(upload(client, text_file(), **GIVEN))
    [token] = folders()
    folder = uploads_root() / token
    assert folder.stat().st_mode & 0o077 == 0
    assert (folder / "files" / "brief.txt").stat().st_mode & 0o077 == 0


def test_a_busy_ingest_keeps_the_upload_for_later(client, curator):
    from django.db import connections

    from articles.ingest.lock import ingest_lock

    url = preview_url(upload(client, text_file(), **GIVEN))
    other = connections.create_connection("default")
    try:
        with ingest_lock(other, wait=0):
            import articles.admin.upload as module

            module.LOCK_WAIT, wait = 0.0, module.LOCK_WAIT
            try:
                response = client.post(url, {"_confirm": "1"}, follow=True)
            finally:
                module.LOCK_WAIT = wait
    finally:
        other.close()
    assert "另一个导入正在进行" in response.content.decode()
    assert not Source.objects.exists() and len(folders()) == 1
    client.post(url, {"_confirm": "1"})
    assert Source.objects.count() == 1 and folders() == []


# --- permission -------------------------------------------------------------------------


def test_staff_without_the_permission_get_403(client):
    user = User.objects.create_user("reader", password="pw-12345-long", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_source"))
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, text_file(), **GIVEN).status_code == 403
    assert client.get(f"{UPLOAD}{'a' * 22}/").status_code == 403
    assert folders() == []
    listing = client.get(reverse("admin:articles_source_changelist")).content.decode()
    assert f'href="{UPLOAD}"' not in listing


def test_the_add_permission_alone_is_enough(client):
    user = User.objects.create_user("uploader", password="pw-12345-long", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    client.force_login(user)
    url = preview_url(upload(client, text_file(), **GIVEN))
    response = client.post(url, {"_confirm": "1"})
    assert response.status_code == 302 and response["Location"] == UPLOAD  # nothing else it may see
    assert Source.objects.get().date == datetime.date(2022, 9, 5)


def test_the_curators_group_may_upload(client):
    call_command("setup_curators", verbosity=0)
    group = Group.objects.get(name="Curators")
    assert group.permissions.filter(codename="add_source", content_type__app_label="articles").exists()
    user = User.objects.create_user("editor", password="pw-12345-long", is_staff=True)
    user.groups.add(group)
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 200
    # The plain add form stays closed: sources come from files.
    assert client.get(reverse("admin:articles_source_add")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    assert upload(client, text_file(), **GIVEN).status_code == 302
    assert not uploads_root().exists()


def test_an_upload_without_the_csrf_token_is_refused(curator):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(curator)
    assert strict.post(UPLOAD, {**GIVEN, "files": [text_file()]}).status_code == 403
    assert not uploads_root().exists()
    form = strict.get(UPLOAD)
    token = form.context["csrf_token"]
    response = strict.post(UPLOAD, {**GIVEN, "files": [text_file()], "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302 and len(folders()) == 1
    url = response["Location"]
    assert strict.post(url, {"_confirm": "1"}).status_code == 403  # the preview's buttons too
    assert not Source.objects.exists()
