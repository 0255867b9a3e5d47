"""The page benchmark's timing and report, and what every benchmark measures.

The pages are chosen from what the database holds (``pages_to_time``) and
requested in-process with Django's test client (``time_pages``): one warm-up
request of each page, counting its SQL queries, then ``repeat`` timed requests
of each in turn.  ``write_report`` prints the table and the final JSON line.
``percentile`` and the process's memory readings serve the other benchmark
commands too.
"""
import ctypes
import json
import math
import os
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import selectors
from articles.benchmarks.corpus import CURATOR
from articles.models import Article, Initiative, InitiativeMention, Metric
from core.listing import ListEndpoint
from zones.models import Zone
from zones.views import province_slugs

HOST = "localhost"
COMMON_WORD = "党建"
TWO_WORDS = "营商环境 企业"
PAGE_ORDER = (
    "home", "zones", "zone", "province", "articles", "articles_deep", "article",
    "initiatives", "initiative", "initiative_types", "initiative_type", "metrics", "indicators",
    "indicator", "compare", "search_common", "search_rare", "search_two_words",
    "api_articles", "api_initiatives", "api_metrics", "api_zones",
    "admin_articles", "admin_article", "admin_search", "admin_initiatives", "admin_metrics",
)


def percentile(values, fraction):
    """The value at ``fraction`` (0-1) of the sorted values, to the nearest rank."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def pages_count(total, per_page):
    return max(1, math.ceil(total / per_page))


# ---------------------------------------------------------------- the pages


def pages_to_time(rare_word, zone_id=None):
    """(zone id, pages): the zone timed and the (name, path, query) of every page timed.

    Chosen from what the database holds.  The zone is ``zone_id`` if given and
    it has articles (a small corpus may give it none), else the one with the
    most articles.
    """
    visible = Article.objects.visible()
    if zone_id is None or not visible.filter(zone_id=zone_id).exists():
        top = visible.exclude(zone=None).values("zone").annotate(n=Count("pk")).order_by("-n", "zone").first()
        if top is None:
            raise CommandError("No article has a zone: nothing to time.")
        zone_id = top["zone"]
    zone = Zone.objects.get(pk=zone_id)
    slugs = province_slugs()
    province = slugs.get(zone.province) or next(iter(slugs.values()))
    article = (
        visible.filter(zone=zone)
        .annotate(facts=Count("metrics", distinct=True) + Count("initiative_mentions", distinct=True))
        .order_by("-facts", "pk").values_list("pk", flat=True).first()
    )
    initiative = (
        InitiativeMention.objects.visible().values("initiative")
        .annotate(n=Count("pk")).order_by("-n", "initiative").values_list("initiative", flat=True).first()
    )
    if initiative is None:
        raise CommandError("No initiative is mentioned: nothing to time.")
    indicator = (
        Metric.objects.visible().exclude(indicator=None).values("indicator__slug")
        .annotate(n=Count("pk")).order_by("-n", "indicator__slug").values_list("indicator__slug", flat=True).first()
    )
    kind = (
        Initiative.objects.visible().exclude(type=None).values("type__slug")
        .annotate(n=Count("pk")).order_by("-n", "type__slug").values_list("type__slug", flat=True).first()
    )
    if indicator is None or kind is None:
        raise CommandError("No figure has an indicator or no initiative a type: is fixtures/ complete?")
    # The comparison of the big zone with the next biggest: the most the page can read.
    other = (
        visible.exclude(zone=None).exclude(zone=zone).values("zone__slug")
        .annotate(n=Count("pk")).order_by("-n", "zone__slug").values_list("zone__slug", flat=True).first()
    )
    if other is None:
        other = Zone.objects.exclude(pk=zone.pk).order_by("pk").values_list("slug", flat=True).first()
    last = pages_count(selectors.article_list().count(), ListEndpoint.page_size)
    deep = last - 1 if last > 2 else last
    return zone.pk, [
        ("home", reverse("articles:home"), {}),
        ("zones", reverse("zones:directory"), {}),
        ("zone", reverse("zones:detail", args=[zone.slug]), {}),
        ("province", reverse("zones:province", args=[province]), {}),
        ("articles", reverse("articles:list"), {}),
        ("articles_deep", reverse("articles:list"), {"page": deep}),
        ("article", reverse("articles:detail", args=[article]), {}),
        ("initiatives", reverse("articles:initiatives"), {}),
        ("initiative", reverse("articles:initiative", args=[initiative]), {}),
        ("initiative_types", reverse("articles:initiative_types"), {}),
        ("initiative_type", reverse("articles:initiative_type", args=[kind]), {}),
        ("metrics", reverse("articles:metrics"), {}),
        ("indicators", reverse("articles:indicators"), {}),
        ("indicator", reverse("articles:indicator", args=[indicator]), {}),
        ("compare", reverse("compare"), {"zones": f"{zone.slug},{other}"}),
        ("search_common", reverse("articles:search"), {"q": COMMON_WORD}),
        ("search_rare", reverse("articles:search"), {"q": rare_word}),
        ("search_two_words", reverse("articles:search"), {"q": TWO_WORDS}),
        ("api_articles", reverse("api:articles"), {}),
        ("api_initiatives", reverse("api:initiatives"), {}),
        ("api_metrics", reverse("api:metrics"), {}),
        ("api_zones", reverse("api:zones"), {}),
        ("admin_articles", reverse("admin:articles_article_changelist"), {}),
        ("admin_article", reverse("admin:articles_article_change", args=[article]), {}),
        ("admin_search", reverse("admin:articles_article_changelist"), {"q": COMMON_WORD}),
        ("admin_initiatives", reverse("admin:articles_initiative_changelist"), {}),
        ("admin_metrics", reverse("admin:articles_metric_changelist"), {}),
    ]


def fetch(client, name, path, query):
    """Request a page and read all of its answer; CommandError naming the page unless it answers 200."""
    response = client.get(path, query, HTTP_HOST=HOST)
    if response.streaming:
        b"".join(response.streaming_content)
    if response.status_code != 200:
        problem = ""
        if getattr(response, "exc_info", None):
            problem = f": {response.exc_info[0].__name__}: {response.exc_info[1]}"
        raise CommandError(f"The {name} page ({url_of(path, query)}) answered {response.status_code}{problem}.")


def url_of(path, query):
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def time_pages(pages, repeat, earlier=None):
    """Per page: its URL, the p50 and p95 of its timed requests (ms) and its warm-up's SQL queries.

    Each page is requested once, counted (a warm-up: code paths, caches, the
    database's pages), then ``repeat`` times, timed. ``earlier``: what an earlier
    round of the same pages returned, whose timed requests count with these
    (and whose query counts stand). The host probe is timed after each page.
    """
    reader, curator = Client(raise_request_exception=False), Client(raise_request_exception=False)
    curator.force_login(
        get_user_model().objects.get_or_create(username=CURATOR, defaults={"is_staff": True, "is_superuser": True})[0]
    )

    def client_of(name):
        return curator if name.startswith("admin_") else reader

    queries = {}
    for name, path, query in pages:
        with CaptureQueriesContext(connection) as captured:
            fetch(client_of(name), name, path, query)
        # Read now: the next request clears the connection's log the list is sliced from.
        queries[name] = len(captured.captured_queries)
    results = {}
    for name, path, query in pages:
        before = (earlier or {}).get(name, {})
        durations, probes = list(before.get("durations", [])), list(before.get("probes", []))
        for _ in range(repeat):
            started = time.perf_counter()
            fetch(client_of(name), name, path, query)
            durations.append((time.perf_counter() - started) * 1000)
        probes.append(host_probe_ms())
        results[name] = {
            "url": url_of(path, query),
            "p50_ms": round(statistics.median(durations), 2),
            "p95_ms": round(percentile(durations, 0.95), 2),
            "queries": before.get("queries", queries[name]),
            "probe_ms": round(statistics.median(probes), 2),
            "durations": durations,
            "probes": probes,
        }
    return results


# A fixed amount of pure Python work, a few milliseconds long.
PROBE_STEPS = 100_000


def host_probe_ms():
    """Milliseconds the host takes for PROBE_STEPS of pure Python, now (the best of three).

    On a shared machine its speed drifts from one minute to the next: timed
    after each page, this says how fast the host ran while the corpus and while
    the seeds were timed, so that a ratio between the two can be read with it.
    """
    best = None
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for step in range(PROBE_STEPS):
            total += step * step
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return round(best, 2)


def _probe_median(results):
    probes = [page["probe_ms"] for page in results.values() if page.get("probe_ms")]
    return round(statistics.median(probes), 2) if probes else None


# ---------------------------------------------------------------- report


def write_report(out, count, results, meta, memory, load_before, *, verbose):
    """Write the table (if ``verbose``) and the final JSON line of a run to ``out``."""
    seeds = meta["seeds"]
    pages = {}
    for name in PAGE_ORDER:
        result, small = results[name], seeds.get(name, {})
        ratio = round(result["p50_ms"] / small["p50_ms"], 2) if small.get("p50_ms") else None
        pages[name] = {
            "p50_ms": result["p50_ms"], "p95_ms": result["p95_ms"], "queries": result["queries"],
            "small_db_ratio": ratio, "seeds_p50_ms": small.get("p50_ms"), "seeds_queries": small.get("queries"),
        }
    ratios = [p["small_db_ratio"] for p in pages.values() if p["small_db_ratio"] is not None]
    probe = {"corpus": _probe_median(results), "seeds": _probe_median(seeds)}
    load_after = os.getloadavg()
    corpus = meta["corpus"]
    if verbose:
        out.write(
            f"{connection.vendor}: {count} articles in {corpus['sources']} pages, {corpus['initiatives']} "
            f"initiatives, {corpus['mentions']} mentions, {corpus['metrics']} metrics; biggest zone "
            f"{corpus['biggest_zone']} with {corpus['biggest_zone_articles']} articles. Seeds: "
            f"{json.dumps(meta['seed_profile'], ensure_ascii=False)}"
        )
        out.write(
            f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after, on "
            f"{os.cpu_count()} CPUs (seeds timed at {meta.get('seeds_load_average', '?')}, corpus built "
            f"{meta['built_at']}; {meta.get('rounds', 1)} round(s) of each); worker peak RSS {memory['peak']} MB "
            f"(now {memory.get('anon', '?')} MB heap, {memory.get('file', '?')} MB mapped files); host probe "
            f"{probe['corpus']} ms while the corpus was timed, {probe['seeds']} ms while the seeds were "
            f"(the same Python work: a higher figure is a slower host)"
        )
        out.write(
            f"{'page':<17} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} {'seeds ms':>9} {'seeds q':>7} "
            f"{'ratio':>7}  url"
        )
        for name, page in pages.items():
            ratio = f"{page['small_db_ratio']:>7.1f}" if page["small_db_ratio"] is not None else f"{'-':>7}"
            seeds_ms = f"{page['seeds_p50_ms']:>9.2f}" if page["seeds_p50_ms"] is not None else f"{'-':>9}"
            out.write(
                f"{name:<17} {page['p50_ms']:>8.2f} {page['p95_ms']:>8.2f} {page['queries']:>7} "
                f"{seeds_ms} {page['seeds_queries'] if page['seeds_queries'] is not None else '-':>7} "
                f"{ratio}  {results[name]['url']}"
            )
    out.write(json.dumps({
        "articles": count,
        "pages": pages,
        "worker_rss_mb": memory["peak"],
        "small_db_ratio": max(ratios) if ratios else None,
        "database": connection.vendor,
        "corpus": corpus,
        "worker_memory_mb": memory,
        "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
        "seeds_load_average": meta.get("seeds_load_average"),
        "rounds": meta.get("rounds", 1),
        "host_probe_ms": probe,
    }, ensure_ascii=False))


# ---------------------------------------------------------------- memory


def load_dictionary_afresh():
    """The current database's search dictionary, built anew and kept out of full garbage collections,
    as a web worker that starts on it has it (``dictionary._freeze_once``).

    Built again unfrozen, a dictionary of 200,000 names is walked by every full
    collection: a stall of tens of milliseconds in whichever timed request set one off.
    The one it replaces is unfrozen first, so that it can be freed.
    """
    import gc

    from articles.search.dictionary import load_dictionary, reset_dictionary

    gc.unfreeze()
    reset_dictionary()
    gc.collect()
    load_dictionary()
    gc.collect()
    gc.freeze()


def release_memory():
    """Collect garbage and hand freed heap back to the system (glibc), before measuring a peak."""
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def reset_peak_rss():
    """Start the process's peak resident size afresh (Linux); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def memory_mb():
    """The process's resident memory in MiB: ``peak`` (since start or ``reset_peak_rss``),
    and now ``anon`` (its own heap) and ``file`` (mapped files: code, and with SQLite's
    memory-mapped I/O the database pages it read, shared with the page cache)."""
    fields = {"VmHWM:": "peak", "RssAnon:": "anon", "RssFile:": "file"}
    found = {}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                name = fields.get(line.split(":")[0] + ":")
                if name:
                    found[name] = round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    if "peak" not in found:
        import resource

        found["peak"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return found
