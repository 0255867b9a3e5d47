"""Support of the benchmark commands (``bench_search``, ``bench_pages``, ``bench_ingest``).

plan.py plans a synthetic corpus from the seed pages (pure), corpus.py checks
the scratch database and writes and deletes the page benchmark's corpus,
timing.py times the pages and writes the report, with the percentiles and the
memory readings.  The commands check their options and run the steps in order.
"""
