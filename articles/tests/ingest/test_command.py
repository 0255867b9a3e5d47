"""`manage.py ingest` end to end: the seed pages, re-ingest, curation, bad files."""
import datetime
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from articles.curation import merge_zones, tombstone
from articles.models import Article, IngestRun, Metric, Source
from articles.tests.factories import make_zone
from zones.models import Zone

pytestmark = pytest.mark.django_db

# A brief in the genre of the seeds, about a zone outside the national list.
BRIEF = """党建在高新

六安高新区“红色引擎”助力企业发展

本报讯 今年以来，六安高新区党工委实施“红色引擎”工程，组建产业链党建联盟，新增签约项目12个，总投资35亿元。 王明
"""


def ingest(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("ingest", *[str(p) for p in paths], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def export(*args):
    out = StringIO()
    call_command("export_kb", *args, stdout=out)
    return out.getvalue()


def test_ingesting_twice_changes_nothing(ingested_seeds):
    before = export("--include-hidden")
    out, err = ingest()
    assert err == ""
    second = IngestRun.objects.order_by("-started_at", "-pk").first()
    for model in ("articles", "initiatives", "metrics"):
        assert second.counts[model]["created"] == 0, model
        assert second.counts[model]["updated"] == 0, model
        assert second.counts[model]["deleted"] == 0, model
    assert second.counts["zones_created"] == 0
    assert "文章：新增 0，更新 0" in out
    assert export("--include-hidden") == before


def test_a_dry_run_reports_and_writes_nothing(db):
    out, _ = ingest(dry_run=True)
    assert "试运行" in out and "文章：新增 0" not in out
    assert not Article.objects.exists() and not Source.objects.exists()
    assert not IngestRun.objects.exists()


def test_curators_work_survives_a_reingest(ingested_seeds):
    article = Article.objects.get(subtitle="——淮北高新区党建赋能高质量发展纪实")
    article.title = "淮北高新区：党建引领开新局"
    article.curated_fields = ["title"]
    article.save()

    hidden_metric = article.metrics.order_by("pk").first()
    hidden_metric.hidden = True
    hidden_metric.curated_fields = ["hidden"]
    hidden_metric.save()

    deleted = Article.objects.exclude(pk=article.pk).order_by("pk").first()
    deleted_key = deleted.key
    tombstone(deleted)
    deleted.delete()

    huaibei = Zone.objects.get(name="淮北高新区")
    survivor = make_zone("淮北国家高新区", province="安徽省", city="淮北市")
    merge_zones(survivor=survivor, others=[huaibei])

    out, err = ingest(reanalyse=True)  # read every page again, as after a rule change
    assert err == ""

    article.refresh_from_db()
    assert article.title == "淮北高新区：党建引领开新局"
    assert article.ingested_values["title"] == "党建引领开新局 “找改强争”创一流"
    hidden_metric.refresh_from_db()
    assert hidden_metric.hidden
    assert not Article.objects.filter(key=deleted_key).exists()
    assert not Zone.objects.filter(name="淮北高新区").exists()
    assert article.zone == survivor
    assert not Article.objects.filter(zones__name="淮北高新区").exists()

    data = json.loads(export())
    assert hidden_metric.pk not in {m["id"] for m in data["metrics"]}
    assert "淮北高新区" not in {z["name"] for z in data["zones"]}
    titles = {a["id"]: a["title"] for a in data["articles"]}
    assert titles[article.pk] == "淮北高新区：党建引领开新局"
    assert "保留人工修订 1" in out


def test_bad_files_are_refused_one_line_each_and_nothing_stored_is_lost(ingested_seeds, tmp_path):
    before = json.loads(export("--include-hidden"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "gbk.txt").write_bytes(BRIEF.encode("gbk"))
    missing = tmp_path / "missing.txt"

    with pytest.raises(CommandError, match="3 个文件未能导入；其余 1 个文件已导入"):
        ingest(tmp_path, missing)
    run = IngestRun.objects.order_by("-pk").first()
    statuses = {f["name"]: f["status"] for f in run.files}
    assert statuses["gbk.txt"] == "ok"
    assert statuses["empty.txt"] == statuses["binary.txt"] == "error"
    assert not run.ok and len(run.errors) == 3
    for name in ("binary.txt", "empty.txt", "missing.txt"):
        [message] = [m for m in run.errors if name in m]
        assert "\n" not in message and "Traceback" not in message

    source = Source.objects.get(name="gbk.txt")
    assert source.encoding == "gb18030"
    brief = Article.objects.get(source=source)
    assert "六安高新区" in brief.body
    assert (brief.zone.name, brief.zone.province) == ("六安高新区", "安徽省")

    after = json.loads(export("--include-hidden"))
    for section in ("zones", "articles", "initiatives", "metrics"):
        after_items = {item["id" if "id" in item else "slug"]: item for item in after[section]}
        for item in before[section]:
            assert after_items[item["id" if "id" in item else "slug"]] == item


def test_the_error_lines_go_to_stderr_naming_each_file(db, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    err = StringIO()
    with pytest.raises(CommandError, match="2 个文件未能导入；没有导入任何文件"):
        call_command("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"),
                     stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 2
    assert "nope.txt" in lines[0] and "empty.txt" in lines[1]


def test_a_page_failing_while_stored_leaves_nothing_half_written(db, monkeypatch):
    import articles.ingest.upsert as upsert

    seeds = sorted(settings.SEEDS_DIR.glob("*.txt"))
    ingest(seeds[0])
    before = export("--include-hidden")

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(upsert, "upsert_metrics", broken)
    with pytest.raises(CommandError):
        ingest(seeds[1])
    assert not Source.objects.filter(name=seeds[1].name).exists()
    assert export("--include-hidden") == before


TRADITIONAL_BRIEF = """黨建在高新

紹興高新區打造“紅色樓宇”黨建品牌

本報訊 今年以來，紹興高新區黨工委推進樓宇黨建，新建黨群服務中心3個，服務企業200餘家。 陳明
"""


def test_a_traditional_character_page_is_stored_simplified_with_its_original(db, tmp_path):
    path = tmp_path / "traditional.txt"
    path.write_text(TRADITIONAL_BRIEF, encoding="utf-8")
    ingest(path)

    article = Article.objects.get()
    assert "绍兴高新区党工委" in article.body
    assert "紹興高新區黨工委" in article.original_text
    assert (article.zone.name, article.zone.province) == ("绍兴高新区", "浙江省")
    assert article.authors == ["陈明"]
    metric = Metric.objects.get(unit__contains="家")
    assert metric.value == 200 and metric.qualifier != "exact"  # 200余家
    assert metric.sentence in article.body


def test_a_copy_of_an_ingested_page_is_reported_and_skipped(ingested_seeds, tmp_path):
    seed = sorted(settings.SEEDS_DIR.glob("*.txt"))[0]
    copy = tmp_path / "copy-of-a-page.txt"
    copy.write_bytes(seed.read_bytes())
    articles = Article.objects.count()

    _, err = ingest(copy)

    assert f"copy-of-a-page.txt: 与已导入的 {seed.name} 内容相同" in err
    assert not Source.objects.filter(name=copy.name).exists()
    assert Article.objects.count() == articles


# --- a safe batch job -----------------------------------------------------------------


def test_a_second_ingest_waits_then_refuses_clearly_and_the_first_one_completes(db, tmp_path):
    from django.db import connections

    from articles.ingest.lock import ingest_lock

    page = tmp_path / "brief.txt"
    page.write_text(BRIEF, encoding="utf-8")
    other = connections.create_connection("default")  # another session holds the lock
    try:
        with ingest_lock(other, wait=0):
            with pytest.raises(CommandError, match="另一个导入正在进行"):
                ingest(page, wait=0.6)
            assert not Article.objects.exists()
    finally:
        other.close()
    ingest(page, wait=0)
    assert Article.objects.filter(title__contains="红色引擎").count() == 1


def test_a_run_killed_midway_is_marked_interrupted_by_the_next_one(db, tmp_path):
    killed = IngestRun.objects.create(paths=["somewhere/"])  # never finished
    page = tmp_path / "brief.txt"
    page.write_text(BRIEF, encoding="utf-8")
    ingest(page)
    killed.refresh_from_db()
    assert killed.interrupted and not killed.ok
    latest = IngestRun.objects.exclude(pk=killed.pk).get()
    assert latest.ok and not latest.interrupted


@pytest.mark.parametrize("seconds", [0, 3600])
def test_an_interrupted_run_records_the_pages_it_finished(db, tmp_path, monkeypatch, seconds):
    from articles.ingest import run as job  # the command's page loop

    # With an hour between commits, the second page waits in the batch the interrupt ends.
    monkeypatch.setattr(job, "RECORD_SECONDS", seconds)
    for n in range(3):
        (tmp_path / f"page{n}.txt").write_text(BRIEF.replace("六安", ["六安", "宿州", "亳州"][n]), encoding="utf-8")
    real = job.upsert_page
    calls = []

    def stop_at_third(*, result, **options):
        calls.append(result)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(result=result, **options)

    monkeypatch.setattr(job, "upsert_page", stop_at_third)
    with pytest.raises(KeyboardInterrupt):
        ingest(tmp_path)
    run = IngestRun.objects.get()
    assert run.interrupted and run.finished_at and not run.ok
    assert [f["name"] for f in run.files] == ["page0.txt", "page1.txt"]
    assert Article.objects.count() == 2  # the finished pages are whole, the other absent


@pytest.mark.parametrize("seconds, writes", [(0, 4), (3600, 2)])
def test_a_runs_record_is_written_as_it_goes_at_most_every_few_seconds(db, tmp_path, monkeypatch,
                                                                       seconds, writes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.ingest import run as job

    monkeypatch.setattr(job, "RECORD_SECONDS", seconds)
    for n in range(3):
        (tmp_path / f"page{n}.txt").write_text(BRIEF.replace("六安", ["六安", "宿州", "亳州"][n]), encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        ingest(tmp_path)
    updates = [q for q in queries if q["sql"].startswith('UPDATE "articles_ingestrun"') and '"files" =' in q["sql"]]
    # The first page's entry, then one per page or none, then the closing write.
    assert len(updates) == writes
    run = IngestRun.objects.get()
    assert run.ok and run.finished_at and [f["name"] for f in run.files] == [f"page{n}.txt" for n in range(3)]


def test_a_page_file_with_a_very_long_name_is_ingested_once(db, tmp_path):
    page = tmp_path / ("党建在高新" * 4 + "-" * 176 + ".txt")  # 200 characters, 236 bytes
    page.write_text(BRIEF, encoding="utf-8")
    ingest(page)
    ingest(page)
    assert Source.objects.count() == 1 and Article.objects.count() == 1
    assert IngestRun.objects.filter(counts__articles__unchanged=1).exists()


CURATOR = """
import json, sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import OperationalError, transaction
from articles import curation
from articles.models import Article, IngestRun, Source
from articles.tests.factories import make_article

call_command("migrate", verbosity=0)
make_article()  # what the curator edits
print("ready", flush=True)
# Save over and over from the run's first stored page to its end, while it writes the others,
# noting how many pages (their sources) were stored before and after each save.
running = IngestRun.objects.filter(finished_at=None)
saves, errors, pages_seen, deadline = 0, [], set(), time.monotonic() + float(sys.argv[1])
while not running.exclude(files=[]).exists() and time.monotonic() < deadline:
    time.sleep(0.01)
while time.monotonic() < deadline:
    run = running.first()
    if run is None:
        break
    pages_seen.add(Source.objects.count())
    try:
        with transaction.atomic():  # as the admin's change view does
            article = Article.objects.order_by("pk").first()
            article.title = f"人工修订标题{saves}"
            curation.article_update(article=article, changed_fields=["title"])
        saves += 1
    except OperationalError as exc:
        errors.append(str(exc))
    pages_seen.add(Source.objects.count())
    time.sleep(0.02)
print(json.dumps({"saves": saves, "errors": errors[:3], "error_count": len(errors),
                  "pages_seen": sorted(pages_seen)}))
"""


def test_a_curators_save_during_an_ingest_waits_and_succeeds_on_sqlite(db, tmp_path):
    import os
    import subprocess
    import sys

    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single writer; PostgreSQL locks rows")
    root = settings.BASE_DIR
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    curator = subprocess.Popen([sys.executable, "-c", CURATOR, "120"], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert curator.stdout.readline().strip() == "ready", curator.stderr.read()
    ingest = subprocess.run([sys.executable, "manage.py", "ingest", "-v0", str(settings.SEEDS_DIR)],
                            cwd=root, env=env, capture_output=True, text=True, timeout=300)
    if ingest.returncode != 0:  # its run may be left open: the curator would wait for it
        curator.kill()
    out, err = curator.communicate(timeout=120)
    assert ingest.returncode == 0, ingest.stderr
    assert curator.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["error_count"] == 0, result["errors"]
    assert result["saves"] > 0
    # The curator saved while the ingest stored its pages, not only before or after them.
    assert len(result["pages_seen"]) > 1, result


def test_a_read_only_database_stops_the_ingest_with_one_line(db, tmp_path, monkeypatch):
    from django.db import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(IngestRun.objects, "create", refuse)
    page = tmp_path / "brief.txt"
    page.write_text(BRIEF, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        ingest(page)
    assert "数据库无法写入" in str(raised.value) and "readonly" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_an_unchanged_page_is_not_analysed_again_unless_asked(ingested_seeds, monkeypatch):
    from articles.ingest import pipeline

    def fail(*args, **kwargs):
        raise AssertionError("an unchanged page was analysed")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "analyse_page", fail)
        out, err = ingest()
    assert err == "" and "内容未变" in out
    assert f"未变 {Article.objects.count()}" in out
    statuses = {f["status"] for f in IngestRun.objects.order_by("-pk").first().files}
    assert statuses == {"unchanged"}

    out, _ = ingest(reanalyse=True)
    assert "内容未变" not in out


def test_a_page_given_a_new_date_is_analysed_again(ingested_seeds, monkeypatch):
    seed = sorted(settings.SEEDS_DIR.glob("*.txt"))[0]
    ingest(seed, date="2024-01-02")
    assert {a.date for a in Source.objects.get(name=seed.name).articles.all()} == {datetime.date(2024, 1, 2)}


def test_a_runs_new_articles_are_merged_into_the_search_index_at_its_end(db, tmp_path):
    from django.db import connection

    from articles.search import schema

    if connection.vendor != "postgresql":
        pytest.skip("GIN's pending list is PostgreSQL's")
    page = tmp_path / "brief.txt"
    page.write_text(BRIEF, encoding="utf-8")
    ingest(page)
    assert Article.objects.filter(title__contains="红色引擎").exists()
    with connection.cursor() as cursor:
        # Nothing left waiting in either index's pending list, which every search would scan.
        cursor.execute(
            "SELECT gin_clean_pending_list(%s::regclass) + gin_clean_pending_list(%s::regclass)",
            [schema.POSTGRES_VECTOR_INDEX, schema.POSTGRES_HEAD_INDEX],
        )
        assert cursor.fetchone()[0] == 0


def test_a_run_whose_index_cannot_be_settled_is_still_finished(db, tmp_path, monkeypatch, caplog):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("GIN's pending list is PostgreSQL's")
    # As for a database role that does not own the index: the merge fails.
    monkeypatch.setattr("articles.search.backends.postgres.POSTGRES_VECTOR_INDEX", "no_such_index")
    page = tmp_path / "brief.txt"
    page.write_text(BRIEF, encoding="utf-8")
    _out, err = ingest(page)
    assert err == "" and "left to autovacuum" in caplog.text
    run = IngestRun.objects.get()
    assert run.finished_at is not None and not run.interrupted
    assert Article.objects.filter(title__contains="红色引擎").exists()
