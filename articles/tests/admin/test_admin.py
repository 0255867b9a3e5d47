"""The curators' admin, through the client: pages, search, edits, actions, merges, re-ingest.

Re-ingests go through the ingest's own writer (``upsert_page``) with pages built
by hand, so these tests pin what the admin leaves behind for the ingest,
independently of how the text steps read a page.
"""
import hashlib

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.ingest.pipeline import ArticleResult, PageResult
from articles.ingest.types import (
    ArticleBlock,
    InitiativeFact,
    MetricFact,
    PageText,
    ZoneMention,
)
from articles.ingest.upsert import upsert_page
from articles import identity
from articles.models import Article, IngestRun, Initiative, InitiativeMention, Metric, Tombstone
from articles.selectors import search_articles
from articles.tests.admin.forms import change_form_data
from articles.tests.plans import plan
from articles.tests.factories import (
    index_for_search,
    make_article,
    make_indicator,
    make_initiative,
    make_metric,
    make_source,
    make_zone,
)
from zones.models import Zone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_dictionary")]

INVEST = "项目总投资50亿元，建设年产10万吨锂电负极生产基地。"
ALLIANCE = "淮北高新区成立锂电产业链党建联盟。"
BODY = f"{INVEST}\n{ALLIANCE}"

MODELS = ["article", "initiative", "metric", "source", "initiativemention", "ingestrun",
          "tombstone"]


# --- pages as the ingest would store them -----------------------------------------


def page_result(*, zone_name="淮北高新区", title="党建引领开新局", name="page-a.txt"):
    block = ArticleBlock(position=0, title=title, paragraphs=[INVEST, ALLIANCE], authors=["肖干"])
    article = ArticleResult(
        block=block,
        zones=[ZoneMention(name=zone_name, surface=zone_name)],
        year=2023,
        metrics=[MetricFact(label="总投资", raw="总投资50亿元", value=50.0, unit="亿元",
                            normalized_value=5e9, normalized_unit="元", sentence=INVEST)],
        initiatives=[InitiativeFact(name="锂电产业链党建联盟", category="industry_chain",
                                    sentence=ALLIANCE, offset=BODY.index(ALLIANCE))],
    )
    text = f"{name}:{title}:{zone_name}"
    return PageResult(
        page=PageText(name=name, text=text, encoding="utf-8",
                      content_hash=hashlib.sha256(text.encode()).hexdigest()),
        articles=[article],
    )


@pytest.fixture
def huaibei():
    return make_zone("淮北高新区", full_name="淮北高新技术产业开发区", aliases=["淮北国家高新区"],
                     province="安徽省", city="淮北市")


@pytest.fixture
def ingested(huaibei):
    upsert_page(result=page_result())
    return Article.objects.get()


def populate(n, zone=None):
    """``n`` articles, each with two metrics and an initiative, plus an ingest run."""
    zone = zone or make_zone()
    for i in range(n):
        article = make_article(title=f"文章{i}", body=BODY, zone=zone, year=2023,
                               original_text=BODY, ingested_values={"title": f"文章{i}"})
        make_metric(article, sentence=INVEST)
        make_metric(article, label="产能", value=10, unit="万吨", normalized_value=1e5,
                    normalized_unit="吨", sentence=INVEST)
        make_initiative("锂电产业链党建联盟", article=article, sentence=ALLIANCE)
    IngestRun.objects.create(paths=["fixtures/seeds/"], files=[{"name": "a.txt", "status": "ok"}],
                             counts={"articles": {"created": n}}, finished_at=timezone.now())
    Tombstone.objects.create(model="article", key=f"gone-{Tombstone.objects.count()}#0")
    return zone


def changelist(model, app="articles"):
    return reverse(f"admin:{app}_{model}_changelist")


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


# --- pages ------------------------------------------------------------------------


def test_every_changelist_answers_with_a_bounded_number_of_queries(admin_client, django_assert_max_num_queries):
    # One archive for every list: filling it is most of the test's time.
    zone = populate(3)
    urls = [changelist(model, "zones" if model == "zone" else "articles") for model in MODELS + ["zone"]]
    few = {url: queries(admin_client, url) for url in urls}
    populate(12, zone=make_zone())
    populate(5, zone=zone)

    for url in urls:
        with django_assert_max_num_queries(16):
            response = admin_client.get(url)
        assert response.status_code == 200, url
        assert queries(admin_client, url) == few[url], url


def test_every_change_page_answers_with_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    zone = populate(4)
    article = Article.objects.first()
    objects = [article, article.metrics.first(), Initiative.objects.first(), zone,
               article.source, article.initiative_mentions.first(), IngestRun.objects.get(),
               Tombstone.objects.get()]
    for obj in objects:
        with django_assert_max_num_queries(20):
            response = admin_client.get(change_url(obj))
        assert response.status_code == 200, obj


def test_add_pages_answer(admin_client):
    for model in ("article", "initiative", "metric"):
        assert admin_client.get(reverse(f"admin:articles_{model}_add")).status_code == 200, model


def test_search_pages_answer(admin_client):
    populate(2)
    for model, app in [(m, "articles") for m in MODELS] + [("zone", "zones")]:
        response = admin_client.get(changelist(model, app), {"q": "联盟"})
        assert response.status_code == 200, model


def test_non_staff_user_gets_no_admin(client):
    user = User.objects.create_user("reader", password="pw-12345-long")
    client.force_login(user)
    for url in (reverse("admin:index"), changelist("article"), changelist("zone", "zones")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


# --- search -----------------------------------------------------------------------


def test_article_search_is_full_text_with_the_exact_title_first(admin_client):
    zone = make_zone()
    in_body = make_article(title="产业链上党旗红", body="淮北高新区成立锂电产业链党建联盟。" * 3,
                           zone=zone)
    wanted = make_article(title="锂电产业链党建联盟", body="正文。", zone=zone)
    make_article(title="无关", body="营商环境持续优化。", zone=zone)
    index_for_search(Article.objects.all())

    response = admin_client.get(changelist("article"), {"q": "锂电产业链党建联盟"})

    found = list(response.context["cl"].result_list)
    assert found == [wanted, in_body]


def test_zone_search_finds_aliases_and_article_autocomplete_finds_titles(admin_client, huaibei):
    response = admin_client.get(changelist("zone", "zones"), {"q": "淮北国家高新区"})
    assert list(response.context["cl"].result_list) == [huaibei]

    make_article(title="党建引领开新局", body=BODY, zone=huaibei)
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "metric", "field_name": "article", "term": "开新局"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["党建引领开新局"]


# --- editing and provenance ---------------------------------------------------------


def test_a_caption_added_in_the_admin_is_searchable_at_once(admin_client, ingested):
    url = change_url(ingested)
    data = change_form_data(admin_client.get(url))
    data["captions"] = "图为党员志愿者在松山湖科学城服务企业。"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(search_articles(Article.objects.all(), "志愿者").queryset) == [ingested]


def test_title_edited_in_the_admin_is_curated_logged_and_survives_a_reingest(
    admin_client, ingested
):
    url = change_url(ingested)
    data = change_form_data(admin_client.get(url))
    data["title"] = "党旗飘扬：党建引领开新局"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    ingested.refresh_from_db()
    assert ingested.title == "党旗飘扬：党建引领开新局"
    assert ingested.curated_fields == ["title"]
    assert ingested.body == BODY
    assert list(search_articles(Article.objects.all(), "党旗飘扬").queryset) == [ingested]
    entry = LogEntry.objects.get(object_id=str(ingested.pk))
    assert "标题" in entry.get_change_message() and "人工修订" in entry.get_change_message()

    outcome = upsert_page(result=page_result(title="党建引领开新局（版面重排）"))

    ingested.refresh_from_db()
    assert ingested.title == "党旗飘扬：党建引领开新局"
    assert ingested.ingested_values["title"] == "党建引领开新局（版面重排）"
    assert outcome.counts.articles.skipped_curated == 1
    # The comparison panel shows what the ingest read beside the curator's title.
    page = admin_client.get(url).content.decode()
    assert "党建引领开新局（版面重排）" in page and "kb-differs" in page


def fact_counts():
    return (Article.objects.count(), Initiative.objects.count(), Metric.objects.count(),
            Initiative.objects.visible().count())


def test_renaming_then_merging_zones_in_the_admin_never_duplicates_at_the_next_ingest(
    admin_client, ingested, huaibei
):
    before = fact_counts()
    url = change_url(huaibei)
    data = change_form_data(admin_client.get(url))
    data["name"] = "淮北国家高新区"
    assert admin_client.post(url, data).status_code == 302
    huaibei.refresh_from_db()
    assert huaibei.name == "淮北国家高新区" and "淮北高新区" in huaibei.aliases

    upsert_page(result=page_result())  # the page still says 淮北高新区
    assert fact_counts() == before
    assert Initiative.objects.get().zone == huaibei

    # A second spelling read from another page, then merged into the renamed zone.
    typo = make_zone("淮北市高新区", province="安徽省")
    upsert_page(result=page_result(zone_name="淮北市高新区", name="page-b.txt", title="另一版"))
    assert Initiative.objects.filter(zone=typo).count() == 1
    action(admin_client, "zone", "merge", [huaibei, typo], app="zones", post="yes",
           survivor=str(huaibei.pk))
    merged = fact_counts()
    assert merged[1] == 1  # the same programme of the same zone: one initiative

    upsert_page(result=page_result())
    upsert_page(result=page_result(zone_name="淮北市高新区", name="page-b.txt", title="另一版"))
    assert fact_counts() == merged
    assert set(Initiative.objects.values_list("zone", flat=True)) == {huaibei.pk}
    assert Initiative.objects.get().mentions.count() == 2


def test_change_page_shows_provenance_escaped_and_highlighted(admin_client):
    article = make_article(title="标题", body="<b>总投资</b>50亿元。", original_text="<原文>")
    metric = make_metric(article, sentence="<b>总投资</b>50亿元。", raw="总投资50亿元")

    page = admin_client.get(change_url(metric)).content.decode()
    assert "&lt;b&gt;总投资&lt;/b&gt;<mark>50亿元</mark>。" in page
    assert "<b>总投资</b>" not in page

    page = admin_client.get(change_url(article)).content.decode()
    assert "&lt;原文&gt;" in page and article.source.name in page


def test_metric_edited_in_the_article_inline_is_curated(admin_client, ingested):
    url = change_url(ingested)
    data = change_form_data(admin_client.get(url))
    data["metrics-0-label"] = "项目总投资"

    assert admin_client.post(url, data).status_code == 302

    metric = Metric.objects.get()
    assert metric.label == "项目总投资" and metric.curated_fields == ["label"]
    upsert_page(result=page_result())
    assert Metric.objects.get().label == "项目总投资"


def test_metric_deleted_in_the_article_inline_is_tombstoned(admin_client, ingested):
    url = change_url(ingested)
    metric = ingested.metrics.get()
    data = change_form_data(admin_client.get(url))
    data["metrics-0-DELETE"] = "on"

    assert admin_client.post(url, data).status_code == 302

    assert not Metric.objects.exists()
    assert Tombstone.objects.filter(model="metric", key=metric.key).exists()
    upsert_page(result=page_result())
    assert not Metric.objects.exists()


def test_list_editable_label_is_curated(admin_client, ingested):
    response = admin_client.get(changelist("metric"))
    formset = response.context["cl"].formset
    data = {"_save": "保存"}
    for form in [formset.management_form, *formset.forms]:
        for bound in form:
            value = bound.value()
            if value not in (None, False):
                data[bound.html_name] = "on" if value is True else value
    data["form-0-label"] = "计划总投资"

    assert admin_client.post(changelist("metric"), data).status_code == 302
    metric = Metric.objects.get()
    assert (metric.label, metric.curated_fields) == ("计划总投资", ["label"])


# --- actions ----------------------------------------------------------------------


def action(client, model, name, objs, app="articles", **extra):
    data = {"action": name, "_selected_action": [str(o.pk) for o in objs], **extra}
    return client.post(changelist(model, app), data)


def test_hidden_metric_leaves_public_lists_and_stays_hidden_after_a_reingest(
    admin_client, ingested
):
    metric = ingested.metrics.get()
    assert admin_client.get("/api/metrics/").json()["count"] == 1
    assert "总投资50亿元" in admin_client.get(reverse("articles:metrics")).content.decode()
    response = action(admin_client, "metric", "make_hidden", [metric])
    assert response.status_code == 302

    metric.refresh_from_db()
    assert metric.hidden and "hidden" in metric.curated_fields
    assert not Metric.objects.visible().exists()
    assert "隐藏" in LogEntry.objects.get(object_id=str(metric.pk)).get_change_message()

    upsert_page(result=page_result())

    assert Metric.objects.get().hidden
    api = admin_client.get("/api/metrics/").json()
    assert (api["count"], api["results"]) == (0, [])
    assert "总投资50亿元" not in admin_client.get(reverse("articles:metrics")).content.decode()
    # Still there for curators.
    assert admin_client.get(changelist("metric")).context["cl"].result_count == 1


def test_verify_and_unhide_actions(admin_client, ingested):
    initiative = Initiative.objects.get()
    action(admin_client, "initiative", "make_verified", [initiative])
    action(admin_client, "initiative", "make_hidden", [initiative])
    action(admin_client, "initiative", "make_visible", [initiative])
    initiative.refresh_from_db()
    assert initiative.verified and not initiative.hidden
    assert set(initiative.curated_fields) == {"verified", "hidden"}


def test_deleting_in_the_admin_tombstones_and_the_ingest_does_not_resurrect(
    admin_client, ingested
):
    # Its figures' statements are recorded by place: the fact may be another article's too.
    stated = ingested.metric_mentions.get()
    response = admin_client.post(reverse("admin:articles_article_delete", args=[ingested.pk]),
                                 {"post": "yes"})
    assert response.status_code == 302
    assert set(Tombstone.objects.values_list("model", "key")) == {
        ("article", ingested.key), ("metric", identity.metric_place_key(ingested.key, stated.offset, stated.raw))
    }

    outcome = upsert_page(result=page_result())

    assert not Article.objects.exists()
    assert outcome.counts.articles.skipped_deleted == 1


def test_bulk_delete_action_tombstones_every_row(admin_client, ingested):
    keys = set(Initiative.objects.values_list("key", flat=True))
    action(admin_client, "initiative", "delete_selected", Initiative.objects.all(), post="yes")
    assert not Initiative.objects.exists()
    assert set(Tombstone.objects.filter(model="initiative").values_list("key", flat=True)) == keys


# --- merging ----------------------------------------------------------------------


def test_zone_merge_confirms_then_moves_everything_and_the_next_ingest_follows(
    admin_client, huaibei
):
    typo = make_zone("淮北市高新区", province="安徽省")
    upsert_page(result=page_result(zone_name="淮北市高新区"))
    article = Article.objects.get()
    assert article.zone == typo

    confirm = action(admin_client, "zone", "merge", [huaibei, typo], app="zones")
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "确认合并" in page and "淮北市高新区" in page
    assert Zone.objects.filter(pk=typo.pk).exists()  # nothing happens before confirmation

    done = action(admin_client, "zone", "merge", [huaibei, typo], app="zones",
                  post="yes", survivor=str(huaibei.pk))
    assert done.status_code == 302

    assert not Zone.objects.filter(pk=typo.pk).exists()
    article.refresh_from_db()
    assert article.zone == huaibei and list(article.zones.all()) == [huaibei]
    initiative = Initiative.objects.get()
    assert (initiative.zone, initiative.key) == (huaibei, identity.initiative_key(huaibei.pk, "锂电产业链党建联盟"))
    assert Metric.objects.get().zone == huaibei
    huaibei.refresh_from_db()
    assert "淮北市高新区" in huaibei.aliases and "aliases" in huaibei.curated_fields
    assert "合并了 淮北市高新区" in LogEntry.objects.filter(
        object_id=str(huaibei.pk)).get().get_change_message()

    # A new page naming the merged spelling links to the survivor; nothing is duplicated.
    upsert_page(result=page_result(zone_name="淮北市高新区"))
    upsert_page(result=page_result(zone_name="淮北市高新区", name="page-b.txt", title="新的一篇"))

    assert not Zone.objects.filter(name="淮北市高新区").exists()
    assert set(Article.objects.values_list("zone__name", flat=True)) == {"淮北高新区"}
    assert Initiative.objects.count() == 1
    assert Initiative.objects.get().mentions.count() == 2


def test_merging_a_single_zone_is_refused(admin_client, huaibei):
    response = action(admin_client, "zone", "merge", [huaibei], app="zones")
    assert response.status_code == 302
    assert Zone.objects.filter(pk=huaibei.pk).exists()


def test_initiative_merge_from_the_admin(admin_client, huaibei):
    first = make_article(title="一", body=BODY, zone=huaibei)
    second = make_article(title="二", body=BODY, zone=huaibei)
    keep = make_initiative("锂电产业链党建联盟", article=first, sentence=ALLIANCE)
    drop = make_initiative("锂电党建联盟", article=second, sentence=ALLIANCE)

    confirm = action(admin_client, "initiative", "merge", [keep, drop])
    assert "锂电党建联盟" in confirm.content.decode()
    action(admin_client, "initiative", "merge", [keep, drop], post="yes", survivor=str(keep.pk))

    assert list(Initiative.objects.all()) == [keep]
    assert sorted(keep.articles.values_list("title", flat=True)) == ["一", "二"]


def test_initiatives_merged_in_the_admin_stay_merged_after_a_reingest(admin_client, huaibei):
    second_name = "锂电党建联盟已吸纳企业20家。"
    page = page_result()
    item = page.articles[0]
    item.block.paragraphs.append(second_name)
    item.initiatives.append(InitiativeFact(
        name="锂电党建联盟", category="industry_chain", sentence=second_name,
        offset=item.block.body.index(second_name)))
    upsert_page(result=page)
    keep = Initiative.objects.get(name="锂电产业链党建联盟")
    drop = Initiative.objects.get(name="锂电党建联盟")

    action(admin_client, "initiative", "merge", [keep, drop], post="yes", survivor=str(keep.pk))
    upsert_page(result=page)

    assert list(Initiative.objects.all()) == [keep]
    assert sorted(keep.mentions.values_list("sentence", flat=True)) == [ALLIANCE, second_name]


def test_ingest_run_is_read_only(admin_client):
    run = IngestRun.objects.create(
        paths=["fixtures/seeds/"], errors=["bad.txt: 文件为空"],
        files=[{"name": "bad.txt", "status": "error", "message": "文件为空"}],
        counts={"articles": {"created": 3, "skipped_curated": 1}},
    )
    listing = admin_client.get(changelist("ingestrun")).content.decode()
    assert "文章 · 新增 3" in listing and "文章 · 保留人工修订 1" in listing
    assert "bad.txt" in listing
    detail = admin_client.get(change_url(run)).content.decode()
    assert "文件为空" in detail and 'name="_save"' not in detail
    assert admin_client.get(reverse("admin:articles_ingestrun_add")).status_code == 403


def test_a_run_over_a_whole_archive_lists_its_first_files_the_refused_first(admin_client, monkeypatch):
    from articles.admin import records

    monkeypatch.setattr(records, "RUN_LINES_SHOWN", 4)
    files = [{"name": f"p{i}.txt", "status": "ok", "message": "1 篇文章"} for i in range(6)]
    files.append({"name": "bad.txt", "status": "error", "message": "文件为空"})
    run = IngestRun.objects.create(paths=["archive/"], files=files, errors=[f"e{i}.txt: 无法读取" for i in range(6)])

    detail = admin_client.get(change_url(run)).content.decode()

    assert "共 7 个文件，列出前 4 个" in detail and "共 6 个错误，列出前 4 个" in detail
    assert "bad.txt" in detail and "p2.txt" in detail and "p3.txt" not in detail
    assert "e3.txt" in detail and "e4.txt" not in detail


# --- curator accounts ---------------------------------------------------------------


def test_setup_curators_gives_a_staff_user_the_curation_work_and_nothing_more(client, ingested):
    call_command("setup_curators", "--user", "curator", verbosity=0)
    call_command("setup_curators", verbosity=0)  # idempotent
    user = User.objects.get(username="curator")
    assert user.is_staff and not user.is_superuser and not user.has_usable_password()
    client.force_login(user)

    metric = ingested.metrics.get()
    assert client.get(change_url(ingested)).status_code == 200
    assert action(client, "metric", "make_hidden", [metric]).status_code == 302
    metric.refresh_from_db()
    assert metric.hidden
    assert client.get(changelist("ingestrun")).status_code == 200
    assert client.get(reverse("admin:articles_ingestrun_add")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_changelists_count_related_rows_and_sort_by_the_count(admin_client, huaibei):
    yantai = make_zone("烟台高新区", province="山东省", city="烟台市")
    article = make_article(zone=huaibei, body=INVEST)
    make_article(zone=huaibei, source=article.source, position=1)
    make_metric(article, label="总投资", value=50, unit="亿元", sentence=INVEST)
    make_initiative("锂电产业链党建联盟", article=article, sentence=ALLIANCE)

    response = admin_client.get(reverse("admin:zones_zone_changelist"), {"o": "-7"})
    rows = list(response.context["cl"].result_list)
    assert [z.name for z in rows[:2]] == ["淮北高新区", "烟台高新区"] and rows[1] == yantai
    assert (rows[0].n_articles, rows[0].n_initiatives, rows[0].n_metrics) == (2, 1, 1)

    response = admin_client.get(reverse("admin:articles_article_changelist"))
    counts = {a.pk: (a.n_initiatives, a.n_metrics) for a in response.context["cl"].result_list}
    assert counts[article.pk] == (1, 1)

    response = admin_client.get(reverse("admin:articles_source_changelist"))
    (source,) = response.context["cl"].result_list
    assert source.n_articles == 2


def test_authors_and_aliases_are_edited_one_per_line_not_as_json(admin_client, ingested, huaibei):
    ingested.authors = ["肖干", "周建军"]
    ingested.save()
    url = change_url(ingested)
    response = admin_client.get(url)
    assert response.context["adminform"].form["authors"].value() == "肖干\n周建军"

    data = change_form_data(response)
    data["authors"] = "肖干\r\n\r\n 张敏 \r\n"
    assert admin_client.post(url, data).status_code == 302
    ingested.refresh_from_db()
    assert ingested.authors == ["肖干", "张敏"]
    assert ingested.curated_fields == ["authors"]

    url = change_url(huaibei)
    data = change_form_data(admin_client.get(url))
    assert data["aliases"] == "淮北国家高新区"
    data["aliases"] = "淮北国家高新区\r\n淮北高新技术产业开发区"
    assert admin_client.post(url, data).status_code == 302
    huaibei.refresh_from_db()
    assert huaibei.aliases == ["淮北国家高新区", "淮北高新技术产业开发区"]
    assert huaibei.curated_fields == ["aliases"]


def test_a_curators_indicator_and_kind_are_curated_and_survive_a_reingest(admin_client, ingested):
    chosen = make_indicator("项目总投资", slug="project-investment")
    metric = Metric.objects.get()
    url = change_url(metric)
    response = admin_client.get(url)
    assert "出处（陈述此数据的文章句子）" in response.content.decode()  # its mentions, read-only
    data = change_form_data(response)
    data.update(indicator=str(chosen.pk), kind="target")

    assert admin_client.post(url, data).status_code == 302

    metric.refresh_from_db()
    assert (metric.indicator, metric.kind) == (chosen, "target")
    assert set(metric.curated_fields) == {"indicator", "kind"}
    upsert_page(result=page_result())
    metric.refresh_from_db()
    assert (metric.indicator, metric.kind) == (chosen, "target")
    assert Metric.objects.count() == 1 and metric.mentions.count() == 1

    listed = admin_client.get(changelist("metric"), {"indicator__id__exact": chosen.pk, "kind__exact": "target"})
    assert listed.context["cl"].result_count == 1
    assert admin_client.get(changelist("metric"), {"kind__exact": "actual"}).context["cl"].result_count == 0


# --- the changelists and forms of a large archive ------------------------------------


def page_query(captured, table):
    """The SQL of the query that read the changelist's page of ``table``'s rows."""
    [sql] = [q["sql"] for q in captured if q["sql"].startswith(f'SELECT "{table}"."id", "{table}"."verified"')]
    return sql


def test_count_columns_are_read_for_the_page_shown_unless_the_list_is_sorted_by_one(admin_client, huaibei):
    # Counted inside the page's query, a count was computed for every row an offset skips.
    busy = make_article(zone=huaibei, title="数据多的文章")
    for value in (1, 2, 3):
        make_metric(busy, value=value)
    quiet = make_article(zone=huaibei, title="数据少的文章")
    make_metric(quiet)
    url = changelist("article")

    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(url)
    counts = {a.title: a.n_metrics for a in response.context["cl"].result_list}
    assert counts == {"数据多的文章": 3, "数据少的文章": 1}
    assert "articles_metric" not in page_query(captured, "articles_article")

    column = response.context["cl"].list_display.index("metric_count")
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(url, {"o": f"-{column}"})
    assert [a.title for a in response.context["cl"].result_list] == ["数据多的文章", "数据少的文章"]
    assert "articles_metric" in page_query(captured, "articles_article")


def test_the_article_form_offers_its_own_pages_not_every_page_of_the_archive(admin_client, huaibei):
    article = make_article(zone=huaibei, source=make_source("本篇所在版面.pdf"))
    make_source("另一版面.pdf")

    response = admin_client.get(change_url(article))

    html = response.content.decode()
    assert "本篇所在版面.pdf" in html and "另一版面.pdf" not in html
    found = admin_client.get(reverse("admin:autocomplete"), {
        "app_label": "articles", "model_name": "article", "field_name": "sources", "term": "另一",
    }).json()["results"]
    assert [r["text"] for r in found] == ["另一版面.pdf"]


def test_fact_lists_have_no_date_drill_down_over_every_row_but_filter_by_import_date(admin_client, huaibei):
    article = make_article(zone=huaibei)
    make_metric(article)
    make_initiative("锂电产业链党建联盟", article=article, sentence=ALLIANCE)
    for model in ("initiative", "metric"):
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(changelist(model))
        # A date drill-down reads every row's date, grouped by day: seconds at 840,000 figures.
        assert not any("trunc" in q["sql"].lower() for q in captured), model
        # As the filter's "today" link asks: from midnight, local time.
        midnight = str(timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0))
        listed = admin_client.get(changelist(model), {"created_at__gte": midnight}).context["cl"].result_count
        gone = admin_client.get(changelist(model), {"created_at__lt": midnight}).context["cl"].result_count
        assert (listed, gone) == (1, 0), model


def test_the_province_filter_lists_the_zones_provinces_and_narrows_the_list(admin_client, huaibei):
    yantai = make_zone("烟台高新区", province="山东省", city="烟台市")
    make_metric(make_article(zone=huaibei), label="营业收入")
    make_metric(make_article(zone=yantai), label="研发投入")

    response = admin_client.get(changelist("metric"))
    html = response.content.decode()
    assert "?province=%E5%AE%89%E5%BE%BD%E7%9C%81" in html and "?province=%E5%B1%B1%E4%B8%9C%E7%9C%81" in html

    response = admin_client.get(changelist("metric"), {"province": "山东省"})
    assert [m.label for m in response.context["cl"].result_list] == ["研发投入"]


def test_article_search_reads_the_titles_once_and_lists_titles_holding_the_term(admin_client, huaibei):
    held = make_article(title="园区锂电产业链党建联盟成立", body="正文。", zone=huaibei)
    make_article(title="无关", body="营商环境持续优化。", zone=huaibei)
    index_for_search(Article.objects.all())

    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(changelist("article"), {"q": "产业链党建"})

    assert list(response.context["cl"].result_list) == [held]
    # The count, the page and the date filter read the ids found, not every title again.
    wheres = [q["sql"].partition(" WHERE ")[2].partition(" ORDER BY ")[0] for q in captured]
    scans = [w for w in wheres if "LIKE" in w and "json_each" not in w and "ANY(" not in w]
    assert len(scans) == 1


def test_no_list_offers_filter_counts_over_the_whole_table(admin_client):
    populate(2)
    for model, app in [(m, "articles") for m in MODELS] + [("zone", "zones")]:
        url = changelist(model, app)
        plain = queries(admin_client, url)
        # Asked for anyway, the per-option counts are not counted: as many queries as without.
        assert queries(admin_client, url + "?_facets=True") == plain, model
        assert "_facets" not in admin_client.get(url).content.decode(), model



def test_an_initiatives_first_sentence_is_read_for_its_form_not_for_every_row_of_the_list(admin_client, huaibei):
    first = make_article(title="先报道的文章", zone=huaibei, body=ALLIANCE)
    initiative = make_initiative("锂电产业链党建联盟", article=first, sentence=ALLIANCE)
    later = make_article(title="后报道的文章", zone=huaibei, body="锂电产业链党建联盟再添新成员。")
    InitiativeMention.objects.create(initiative=initiative, article=later, sentence="锂电产业链党建联盟再添新成员。",
                                     offset=0)

    with CaptureQueriesContext(connection) as captured:
        admin_client.get(changelist("initiative"))
    assert "articles_initiativemention" not in page_query(captured, "articles_initiative")

    html = admin_client.get(change_url(initiative)).content.decode()
    assert "先报道的文章" in html and "淮北高新区成立<mark>锂电产业链党建联盟</mark>" in html


def test_a_page_past_the_first_reads_its_ids_alone_then_its_rows_and_stays_editable(admin_client, huaibei, monkeypatch):
    # In one query, the joins (zone, article, page, indicator) were made for every row the offset skips.
    from django.contrib import admin as django_admin

    monkeypatch.setattr(django_admin.site._registry[Metric], "list_per_page", 2)
    article = make_article(zone=huaibei)
    metrics = [make_metric(article, label=f"指标{n}", value=n + 1) for n in range(5)]  # newest first: 4 3 | 2 1 | 0

    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(changelist("metric"), {"p": 2})
    assert [m.label for m in response.context["cl"].result_list] == ["指标2", "指标1"]
    [offset] = [q["sql"] for q in captured if "OFFSET" in q["sql"]]
    assert offset.startswith('SELECT "articles_metric"."id" AS "pk" FROM "articles_metric"') and "JOIN" not in offset

    formset = response.context["cl"].formset
    data = {f"form-{key}": value for key, value in formset.management_form.initial.items()}
    for n, form in enumerate(formset.forms):
        data.update({f"form-{n}-id": str(form.instance.pk), f"form-{n}-label": form.instance.label})
    data["form-0-label"] = "研发投入"
    response = admin_client.post(changelist("metric") + "?p=2", {**data, "_save": "保存"})
    assert response.status_code == 302
    assert Metric.objects.get(pk=metrics[2].pk).label == "研发投入"


def test_an_article_with_many_figures_lists_the_first_in_its_form_and_links_to_all(admin_client, monkeypatch):
    from articles.admin.mixins import FirstRowsFormSet

    monkeypatch.setattr(FirstRowsFormSet, "limit", 3)
    article = make_article(title="统计公报", body=BODY, zone=make_zone(), year=2023)
    metrics = [make_metric(article, label=f"指标{i}", value=i + 1, sentence=INVEST) for i in range(5)]
    few = make_article(title="短讯", body=BODY, zone=article.zone)
    make_metric(few, sentence=INVEST)

    response = admin_client.get(change_url(article))
    formset = next(f.formset for f in response.context["inline_admin_formsets"] if f.formset.model is Metric)
    assert [form.instance for form in formset.forms] == metrics[:3]
    all_url = f"{changelist('metric')}?article__id__exact={article.pk}"
    assert "共 5 条" in response.content.decode() and all_url in response.content.decode()
    listed = admin_client.get(all_url)
    assert {m.pk for m in listed.context["cl"].result_list} == {m.pk for m in metrics}
    assert "first-rows" not in admin_client.get(change_url(few)).content.decode()

    # The form saves the figures it lists, and leaves the others as they were.
    data = change_form_data(response)
    data["metrics-0-label"] = "项目总投资"
    assert admin_client.post(change_url(article), data).status_code == 302
    assert [m.label for m in Metric.objects.filter(article=article).order_by("pk")] == [
        "项目总投资", "指标1", "指标2", "指标3", "指标4"
    ]


def test_a_programme_named_in_many_articles_lists_the_first_and_links_to_all(admin_client, monkeypatch):
    from articles.admin.mixins import FirstRowsFormSet

    monkeypatch.setattr(FirstRowsFormSet, "limit", 2)
    zone = make_zone()
    articles = [make_article(title=f"文章{i}", body=BODY, zone=zone) for i in range(4)]
    initiative = make_initiative("锂电产业链党建联盟", article=articles[0], sentence=ALLIANCE)
    for article in articles[1:]:
        InitiativeMention.objects.create(initiative=initiative, article=article, sentence=ALLIANCE, offset=1)
    InitiativeMention.objects.create(initiative=initiative, article=articles[3], sentence=ALLIANCE, offset=9)
    make_article(title="无关", body=BODY, zone=zone)

    response = admin_client.get(change_url(initiative))
    (inline,) = response.context["inline_admin_formsets"]
    assert [form.instance.article for form in inline.formset.forms] == articles[:2]
    all_url = f"{changelist('article')}?initiative={initiative.pk}"
    assert "共 5 条" in response.content.decode() and all_url in response.content.decode()
    listed = admin_client.get(all_url)
    assert sorted(a.pk for a in listed.context["cl"].result_list) == [a.pk for a in articles]
    assert initiative.name in listed.content.decode()  # the filter in use is shown in the sidebar
    assert admin_client.get(f"{changelist('article')}?initiative=x").status_code == 200


def test_the_article_search_reads_the_newest_titles_from_an_index_not_the_articles():
    # A title holding the term may be anywhere: read from the table, titles meant every
    # article's text on SQLite (184 ms at 100,000 articles); the index is a tenth of it. The
    # newest first, with no sort: a common term stops the scan after a few hundred titles.
    from articles.admin.articles import titles_holding
    from articles.tests.plans import plan_of_sql

    zone = make_zone()
    older, exact, newer = (make_article(title=title, zone=zone) for title in ("党建引领发展", "党建", "园区党建工作"))
    with CaptureQueriesContext(connection) as captured:
        assert titles_holding("党建") == [exact.pk, newer.pk, older.pk]
    text = plan_of_sql(captured[-1]["sql"])
    assert "TEMP B-TREE" not in text and "Sort" not in text, text  # newest first, as an index yields them
    if connection.vendor == "sqlite":
        # Its table rows carry whole articles: the index of ids and titles is read instead.
        # (PostgreSQL may walk its key index instead while a small table's pages are not all visible.)
        assert "article_newest_title_idx" in text, text


def test_the_title_scan_ignores_the_case_of_latin_letters_only_where_there_are_some():
    from articles.admin.articles import titles_holding

    zone = make_zone()
    fifth = make_article(title="园区5G基站建设提速", zone=zone)
    party = make_article(title="党建引领园区发展", zone=zone)
    assert titles_holding("5g") == [fifth.pk]
    with CaptureQueriesContext(connection) as captured:
        assert titles_holding("党建") == [party.pk]
    # Chinese has no case: its scan compares the titles as they are, with no UPPER() of each.
    assert not [query for query in captured if "UPPER(" in query["sql"]]


def test_a_figure_lists_filters_offer_every_unit_and_year_and_its_count_is_read_once(admin_client):
    article = make_article(title="统计", body=BODY, zone=make_zone(), year=2024)
    make_metric(article, unit="亿元", year=2024)
    make_metric(article, label="企业", value=3, unit="家", year=2023)
    make_metric(article, label="人才", value=9, unit="家", year=None)

    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(changelist("metric"))

    choices = {spec.title: [c["display"] for c in spec.choices(response.context["cl"])]
               for spec in response.context["cl"].filter_specs}
    assert sorted(choices["单位"][1:]) == ["亿元", "家"]  # after 全部
    assert choices["年份"][1:] == ["2023", "2024", "-"]  # the last: figures of no year
    assert not [q for q in captured if "DISTINCT" in q["sql"] and "articles_metric" in q["sql"]]
    counts = [q for q in captured if q["sql"].startswith("SELECT COUNT(*)") and '"articles_metric"' in q["sql"]]
    assert len(counts) == 1  # the list's own count; not the whole table's again beside it
    undated = admin_client.get(changelist("metric"), {"year__isnull": "True"})
    assert [m.label for m in undated.context["cl"].result_list] == ["人才"]


def test_a_list_search_ignores_case_only_for_latin_letters(admin_client):
    zone = make_zone()
    fifth = make_initiative("5G党建联盟", zone=zone)
    party = make_initiative("红色党建驿站", zone=zone)

    found = admin_client.get(changelist("initiative"), {"q": "5g"})
    assert list(found.context["cl"].result_list) == [fifth]
    with CaptureQueriesContext(connection) as captured:
        found = admin_client.get(changelist("initiative"), {"q": "驿站"})
    assert list(found.context["cl"].result_list) == [party]
    # Chinese has no case: the names are compared as they are, not each upper-cased first.
    assert not [q for q in captured if "UPPER(" in q["sql"]]
    # An autocomplete searches what is typed in it the same way (the pages' list's search fields).
    make_source("Report-2024.PDF")
    found = admin_client.get(reverse("admin:autocomplete"), {
        "app_label": "articles", "model_name": "article", "field_name": "sources", "term": "report",
    }).json()["results"]
    assert [r["text"] for r in found] == ["Report-2024.PDF"]
