"""The upload's preview (导入版面): what storing an analysed page would give, and what to check.

It reads the stored pages and articles to compare and writes nothing.
"""
from articles import identity
from articles.ingest import duplicates
from articles.models import Article, Source

LOW_OCR_QUALITY = 0.6


def preview_zone_index(steps):
    """The linker's index as the ingest will have it; from the reference list while the table is empty."""
    from articles.ingest.pipeline import load_zone_index
    from zones.models import Zone
    from zones.reference import reference_zones

    if Zone.objects.exists():
        return load_zone_index(steps)
    return steps.make_zone_index(reference_zones())  # the ingest loads this list first


def _likely_duplicate(source_name, block):
    """(article, verdict) of a stored article of another page that ``block`` repeats, as upsert judges it."""
    title_key = identity.text_key(block.title)
    if len(title_key) < 6:
        return None, "different"
    candidates = (
        Article.objects.filter(title_key=title_key).exclude(source__name=source_name)
        .only("pk", "title", "body").order_by("pk")[:5]
    )
    return duplicates.closest(candidates, block.body)


KIND_LABELS = dict(Article.Kind.choices)


def preview_page(result):
    """What storing the analysed page ``result`` would give, as JSON-able data, with what to check."""
    page = result.page
    source_name = identity.source_name(page.name)
    place = Source(paper=page.paper or "", date=page.date, page=page.page or "",
                   page_name=page.page_name or "").citation_place
    warnings = []
    twin = (
        Source.objects.filter(content_hash=page.content_hash).exclude(name=source_name)
        .values_list("name", flat=True).first()
    )
    if twin:
        warnings.append(f"与已导入的 {twin} 内容相同，导入时将跳过")
    existing = Source.objects.filter(name=source_name).values_list("pk", flat=True).first()
    if existing and not twin:
        warnings.append(f"已有同名来源版面 {source_name}，导入将更新它（人工修订的内容保持不变）")
    if page.date is None:
        warnings.append("出版日期未知：版面上没有印日期，上传时也未填写（可取消后填写重传，或导入后在来源版面中补上）")
    if page.ocr_quality is not None and page.ocr_quality < LOW_OCR_QUALITY:
        warnings.append(f"文字识别质量低（{page.ocr_quality:.2f}），请核对原文")
    if page.removed_controls:
        warnings.append(f"已去除 {page.removed_controls} 个控制字符")
    if not result.articles:
        warnings.append("没有拆分出文章")
    articles = []
    for item in result.articles:
        block = item.block
        notes = []
        zones = [mention.name for mention in item.zones]
        if not zones:
            notes.append("未识别到高新区")
        elif not item.zones[0].known:
            notes.append(f"将新建高新区 {zones[0]}")
        duplicate, verdict = _likely_duplicate(source_name, block)
        if page.date:
            date = f"{page.date.year}年{page.date.month}月{page.date.day}日"
        elif item.year:
            date = f"{item.year}年（据正文）"
        else:
            date = ""
        articles.append({
            "position": block.position + 1,
            "title": block.title,
            "kind": KIND_LABELS.get(block.kind, block.kind),
            "zones": zones,
            "authors": list(block.authors),
            "date": date,
            "initiatives": len(item.initiatives),
            "metrics": len(item.metrics),
            "notes": notes,
            "duplicate": {"id": duplicate.pk, "title": duplicate.title, "verdict": verdict}
            if duplicate else None,
        })
    return {
        "name": page.name,
        "format": page.format,
        "place": place,
        "url": page.url or "",
        "warnings": warnings,
        "articles": articles,
    }
