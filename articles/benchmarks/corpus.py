"""The benchmarks' scratch database and the page benchmark's corpus in it.

``scratch_backend`` and ``reference_zone_list`` serve every benchmark command.
The rest is the page benchmark's: the seed pages' profile read after their
ingest, the synthetic corpus planned from it (``plan.plan_corpus``) written
with bulk_create and segmented as the ingest does, its deletion, the record
of a kept corpus that ``--reuse`` reads, and the database of their own the
seeds are timed in beside a kept corpus (``database_of_its_own``).
"""
import hashlib
import json
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Count
from django.db.utils import load_backend

from articles import identity
from articles.models import (
    Article,
    Initiative,
    InitiativeMention,
    Metric,
    MetricMention,
    Source,
)
from articles.search import backends
from articles.search.dictionary import refresh_dictionary
from articles.search.indexing import search_fields_for
from articles.search.segment import segment_for_index
from zones.models import Zone
from zones.reference import load_reference_zones

from .plan import SeedArticle, SeedMention, SeedProfile, plan_corpus

PREFIX = "bench-pages/"
# The superuser the admin's pages are timed as (timing.time_pages), deleted with the corpus.
CURATOR = "bench-pages-curator"
META = f"{PREFIX}run"  # a source without articles: what --reuse needs of the run that kept the corpus
BATCH = 1000
DELETE_CHUNK = 5000
METRIC_FIELDS = (
    "label", "raw", "value", "value_max", "unit", "normalized_value", "normalized_max",
    "normalized_unit", "qualifier", "year", "period", "sentence", "offset", "indicator_id", "kind",
    "value_from", "normalized_from",
)


def reference_zone_list():
    """The zones ordered by id, the reference list loaded first if the table is empty."""
    if not Zone.objects.exists():
        load_reference_zones()
    return list(Zone.objects.order_by("pk"))


def scratch_backend(connection, *, prefix, force, example):
    """The search backend of a database a benchmark may fill, or CommandError.

    Refuses a database without full-text search, and one holding real
    articles (sources not named with ``prefix``) unless ``force``.
    """
    try:
        backend = backends.get_backend(connection)
    except backends.SearchUnavailable as exc:
        raise CommandError(str(exc)) from None
    real = Article.objects.exclude(source__name__startswith=prefix)
    if real.exists() and not force:
        raise CommandError(
            f"This database holds {real.count()} real articles. Point DATABASE_URL at a scratch "
            f"database (e.g. {example}) or pass --force."
        )
    return backend


# ---------------------------------------------------------------- the seed pages


def read_seed_profile():
    """The seed pages' articles and proportions, read from the database they were just ingested into."""
    names = {path.name for path in settings.SEEDS_DIR.iterdir()}
    sources = Source.objects.filter(name__in=names)
    seeds = list(
        Article.objects.filter(source__in=sources)
        .select_related("zone", "source")
        .annotate(zone_count=Count("zones"))
        .order_by("source__name", "position")
    )
    if not seeds:
        raise CommandError(f"The seed pages in {settings.SEEDS_DIR} gave no article.")
    mentions, metrics = {}, {}
    for mention in (
        InitiativeMention.objects.filter(article__in=seeds).select_related("initiative").order_by("offset", "pk")
    ):
        initiative = mention.initiative
        mentions.setdefault(mention.article_id, []).append(SeedMention(
            initiative.name, initiative.category, mention.sentence, mention.offset, initiative.type_id
        ))
    # Each figure with its statements in the article: a figure stated in two articles is
    # copied with each (the copies are different figures, as two zones' would be).
    statements = {}
    for row in MetricMention.objects.filter(article__in=seeds).order_by("offset", "pk").values(
        "metric_id", "article_id", "raw", "sentence", "offset"
    ):
        statements.setdefault((row["metric_id"], row["article_id"]), []).append(
            (row["raw"], row["sentence"], row["offset"])
        )
    rows = Metric.objects.filter(mentions__article__in=seeds).distinct().values("pk", *METRIC_FIELDS)
    by_pk = {row.pop("pk"): row for row in rows}
    for (metric_id, article_id), stated in sorted(statements.items(), key=lambda item: (item[1][0][2], item[0])):
        metrics.setdefault(article_id, []).append(
            {**by_pk[metric_id], "sentence": stated[0][1], "offset": stated[0][2], "mentions": stated}
        )
    templates = []
    for article in seeds:
        zone = article.zone
        templates.append(SeedArticle(
            title=article.title, body=article.body,
            zone_names=(zone.name, zone.full_name, *zone.aliases) if zone else (),
            kicker=article.kicker, subtitle=article.subtitle, byline=article.byline,
            authors=tuple(a for a in article.authors or () if isinstance(a, str)),
            kind=article.kind, column=article.column,
            captions=tuple(c for c in article.captions or () if isinstance(c, str)),
            headings=tuple(h for h in article.headings or () if isinstance(h, dict)),
            year=article.year, zone_count=max(1, article.zone_count),
            mentions=tuple(mentions.get(article.pk, ())), metrics=tuple(metrics.get(article.pk, ())),
        ))
    sizes = list(
        Source.objects.filter(pk__in={a.source_id for a in seeds})
        .annotate(n=Count("articles")).values_list("n", flat=True)
    )
    initiatives = Initiative.objects.filter(mentions__article__in=seeds).distinct().count()
    return SeedProfile(articles=templates, source_sizes=sizes, initiatives=initiatives)


# ---------------------------------------------------------------- the corpus


def build_corpus(count, zones, profile, rng, *, companies, sentences, top_zone_share, big_zone, backend, say):
    """Write the corpus planned from ``profile``, optimize the search index and analyse the tables.

    Returns the rows written by table, and the biggest zone's name and articles.
    """
    # Segment as the ingest does, with the seeds' programme names in the dictionary.
    refresh_dictionary(names=[m.name for a in profile.articles for m in a.mentions])
    plans = plan_corpus(
        profile, [(z.pk, z.name) for z in zones], count, rng,
        companies=companies, sentences=sentences, top_zone_share=top_zone_share, big_zone=big_zone,
    )
    totals = _write_plans(plans, say)
    backend.optimize(connection)
    with connection.cursor() as cursor:
        # Statistics of every table, as in a database that has been up a while (the
        # backend's optimize analyses the article table only on PostgreSQL).
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
    corpus = Article.objects.filter(source__name__startswith=PREFIX)
    totals["biggest_zone"] = Zone.objects.get(pk=big_zone).name
    totals["biggest_zone_articles"] = corpus.filter(zone_id=big_zone).count()
    top = corpus.values("zone").annotate(n=Count("pk")).order_by("-n").first()
    totals["largest_zone_articles"] = top["n"]  # by chance another zone may be larger on a small N
    return totals


def _write_plans(plans, say):
    """Write the planned pages about BATCH articles at a time; the rows written by table."""
    writer = _Writer()
    totals = {"articles": 0, "sources": 0, "initiatives": 0, "mentions": 0, "metrics": 0,
              "metric_mentions": 0, "zone_links": 0}
    pending, size = [], 0
    for page in plans:
        pending.append(page)
        size += len(page)
        if size >= BATCH:
            writer.write(pending, totals)
            pending, size = [], 0
            if totals["articles"] % 10000 < BATCH:
                say(f"  {totals['articles']} articles")
    if pending:
        writer.write(pending, totals)
    return totals


class _Writer:
    """Writes planned pages, remembering the rows of the initiatives it wrote and the search columns it cut."""

    def __init__(self):
        self.search_cache = {}  # (template, zone id) -> the search columns of its renamed copy
        self.initiative_pks = {}  # a plan's initiative number -> its row

    def search_fields(self, plan):
        # The seed body renamed for a zone is segmented once per (seed, zone); the paragraph of
        # its own once per article.
        key = (plan.template, plan.zone_id)
        fields = self.search_cache.get(key)
        if fields is None:
            fields = self.search_cache[key] = search_fields_for(
                plan.title, plan.kicker, plan.subtitle, plan.main_body, plan.authors,
                plan.captions, plan.headings,
            )
        return {**fields, "search_body": f"{fields['search_body']} {segment_for_index(plan.tail)}"}

    def write(self, pages, totals):
        """Write the pages' sources, articles and facts in one transaction; count them in ``totals``."""
        with transaction.atomic():
            sources = []
            for page in pages:
                text = "\n\n".join(plan.body for plan in page)
                sources.append(Source(
                    name=f"{PREFIX}{page[0].source:06d}",
                    content_hash=hashlib.sha256(text.encode()).hexdigest(), text=text,
                ))
            Source.objects.bulk_create(sources)
            rows = []
            for source, page in zip(sources, pages):
                for plan in page:
                    rows.append((plan, Article(
                        key=f"{source.name}#{plan.position}", source=source, position=plan.position,
                        column=plan.column, kicker=plan.kicker[:255], title=plan.title[:255],
                        subtitle=plan.subtitle[:255], byline=plan.byline[:255], authors=plan.authors,
                        kind=plan.kind, body=plan.body, captions=plan.captions,
                        headings=plan.headings or None, zone_id=plan.zone_id, year=plan.year,
                        title_key=identity.text_key(plan.title[:255]), **self.search_fields(plan),
                    )))
            Article.objects.bulk_create([article for _plan, article in rows])
            new = [
                Initiative(key=f"{PREFIX}{i.number}", name=i.name, category=i.category, zone_id=i.zone_id,
                           type_id=i.type_id)
                for plan, _article in rows for i in plan.new_initiatives
            ]
            Initiative.objects.bulk_create(new)
            for initiative in new:
                self.initiative_pks[int(initiative.key[len(PREFIX):])] = initiative.pk
            mentions, metrics, links = [], [], []
            for plan, article in rows:
                mentions += [
                    InitiativeMention(initiative_id=self.initiative_pks[number], article=article,
                                      sentence=sentence, offset=offset)
                    for number, sentence, offset in plan.mentions
                ]
                metrics += [
                    (Metric(key=f"{article.key}#m{n}", zone_id=plan.zone_id, article=article,
                            **{k: v for k, v in fields.items() if k != "mentions"}), fields["mentions"])
                    for n, fields in enumerate(plan.metrics)
                ]
                links += [Article.zones.through(article=article, zone_id=z) for z in plan.zone_ids]
            InitiativeMention.objects.bulk_create(mentions, batch_size=BATCH)
            Metric.objects.bulk_create([metric for metric, _stated in metrics], batch_size=BATCH)
            statements = [
                MetricMention(metric=metric, article_id=metric.article_id, raw=raw[:64], sentence=sentence,
                              offset=offset)
                for metric, stated in metrics for raw, sentence, offset in stated
            ]
            MetricMention.objects.bulk_create(statements, batch_size=BATCH)
            Article.zones.through.objects.bulk_create(links, batch_size=BATCH)
        for name, n in (("sources", len(sources)), ("articles", len(rows)), ("initiatives", len(new)),
                        ("mentions", len(mentions)), ("metrics", len(metrics)),
                        ("metric_mentions", len(statements)), ("zone_links", len(links))):
            totals[name] += n


# ---------------------------------------------------------------- deleting and reusing it


def delete_corpus(backend):
    """Delete the synthetic rows (named with ``PREFIX``), then compact the article table."""
    synthetic = Source.objects.filter(name__startswith=PREFIX)
    initiatives = Initiative.objects.filter(key__startswith=PREFIX)
    get_user_model().objects.filter(username=CURATOR).delete()
    if not synthetic.exists() and not initiatives.exists():
        return
    with transaction.atomic():
        # The facts first, each a plain DELETE; then the articles by chunks of ids, so the
        # deletion never holds the whole corpus in memory.
        InitiativeMention.objects.filter(article__source__in=synthetic).delete()
        MetricMention.objects.filter(article__source__in=synthetic).delete()
        Metric.objects.filter(article__source__in=synthetic).delete()
        Article.zones.through.objects.filter(article__source__in=synthetic).delete()
        initiatives.delete()
        ids = list(Article.objects.filter(source__in=synthetic).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), DELETE_CHUNK):
            Article.objects.filter(pk__in=ids[start : start + DELETE_CHUNK]).only("pk").delete()
        synthetic.delete()
    # Deleted rows leave empty pages at the head of the table, which every later scan
    # would cross: the next run would time this run's leftovers.
    backend.compact_table(connection)


def save_meta(meta):
    """Record what a later ``--reuse`` of the kept corpus needs of this run."""
    Source.objects.create(name=META, content_hash="0" * 64, text=json.dumps(meta, ensure_ascii=False))


def read_meta(count):
    """What the run that kept a corpus of ``count`` articles recorded (``save_meta``); CommandError if none."""
    kept = Article.objects.filter(source__name__startswith=PREFIX).count()
    if kept != count:
        raise CommandError(f"--reuse: the database holds {kept} synthetic articles, not {count}.")
    source = Source.objects.filter(name=META).first()
    if source is None:
        raise CommandError("--reuse: no record of the run that kept the corpus; build it again with --keep.")
    return json.loads(source.text)


# ---------------------------------------------------------------- a database of its own


@contextmanager
def database_of_its_own():
    """This thread's default connection swapped for one to a new, migrated database of the same kind.

    The seeds are timed there beside a kept corpus, in the same run and on the
    same machine as it: the corpus's own database cannot show them alone. A
    file in a temporary folder for SQLite, ``<name>_seeds`` on the same
    PostgreSQL server (the benchmark's user creates it, as the test runner's
    does); removed afterwards. The corpus's connection is left open, not
    closed, and is the default again on leaving. Yields ``corpus_again``, a
    context manager in which the corpus's connection is the default.
    """
    corpus = connections["default"]
    settings_dict = {**corpus.settings_dict}
    folder = None
    if corpus.vendor == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="bench_seeds_"))
        settings_dict["NAME"] = str(folder / "seeds.sqlite3")
    else:
        settings_dict["NAME"] = f"{corpus.settings_dict['NAME']}_seeds"[:63]
        try:
            _recreate(corpus, settings_dict["NAME"])
        except DatabaseError as exc:
            reason = " ".join(str(exc).split())
            raise CommandError(
                f"--reuse times the seeds in a database of their own, {settings_dict['NAME']}, which could "
                f"not be created ({reason}): the benchmark's user needs CREATEDB, as the test runner's does."
            ) from None
    own = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias="default")

    @contextmanager
    def corpus_again():
        """The corpus's connection the default again for a while (the seeds' and the corpus's
        pages timed in turn)."""
        connections["default"] = corpus
        try:
            yield
        finally:
            connections["default"] = own

    connections["default"] = own
    try:
        call_command("migrate", verbosity=0, interactive=False)
        yield corpus_again
    finally:
        own.close()
        connections["default"] = corpus
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            _recreate(corpus, settings_dict["NAME"], create=False)


def _recreate(server, name, *, create=True):
    """Drop the PostgreSQL database ``name`` if it exists; create it empty unless not ``create``."""
    quoted = server.ops.quote_name(name)
    with server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        if create:
            cursor.execute(f"CREATE DATABASE {quoted}")
