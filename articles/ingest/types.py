"""Data passed between the ingest steps. Plain dataclasses: no Django here."""
from dataclasses import dataclass, field


@dataclass
class PageText:
    """One page read from a file (articles/ingest/readers/), whatever the file's format.

    The raw bytes are not kept: ``content_hash`` stands for them. The source
    fields (paper, date, page, page_name, url) are empty where nothing said
    them; ``meta_source`` tells for each one that is set where it was read.
    """

    name: str  # the source's identity: the file name; "<file>#p<N>" for a page of a PDF
    text: str  # the page text: lines, blank lines between paragraphs
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le"; "pdf", "docx", "ocr"
    content_hash: str  # sha256 of the file's bytes; of the file's bytes + b"#p<N>" for a PDF page
    format: str = "text"  # "text" | "html" | "pdf" | "docx" | "image"
    paper: str = ""  # 报名 / site name: "中国高新技术产业导报"
    date: "datetime.date | None" = None  # issue or publication date
    page: str = ""  # 版次: "A7", "3"
    page_name: str = ""  # 版名: "党建在高新"
    url: str = ""
    doc_title: str = ""  # the document's own title metadata (<title>, PDF /Title, docx core title)
    meta_source: dict = field(default_factory=dict)  # field -> where it was read: {"date": "folio"}
    removed_controls: int = 0  # control characters (NUL included) taken out of the text
    ocr_quality: float | None = None  # 0-1 estimate (mean recognition confidence) for OCR'd pages
    file_hash: str = ""  # sha256 of the whole file (content_hash too, but for a page of a multi-page file)


@dataclass
class ArticleBlock:
    """One article found on a page (layout.py), its text already cleaned (cleaner.py)."""

    position: int  # 0-based order on the page
    title: str
    title_printed: bool = True  # False: printed without one, ``title`` is made from its first clause
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""  # the raw byline line, e.g. "■ 首席记者 肖干 通讯员 周建军"
    authors: list = field(default_factory=list)  # bare names: ["肖干", "周建军"]
    kind: str = "feature"  # "feature" | "brief" | "photo"
    column: str = ""  # column header above it, e.g. "党建在高新"
    headings: list = field(default_factory=list)  # section headings inside the body
    heading_positions: list = field(default_factory=list)  # index of the paragraph each precedes
    paragraphs: list = field(default_factory=list)  # body paragraphs (simplified, cleaned)
    captions: list = field(default_factory=list)  # photo captions and credits kept with it
    original: str = ""  # the article's lines as they were on the page (before conversion)

    @property
    def body(self):
        return "\n".join(self.paragraphs)


@dataclass
class ZoneMention:
    """A zone named in an article (zones linker)."""

    name: str  # the canonical zone name if known, else the name as written
    surface: str  # the text as written, e.g. "杭州高新区（滨江）"
    count: int = 1
    in_title: bool = False
    known: bool = True  # False: not in the zone table, to be created
    city: str = ""
    province: str = ""


@dataclass
class InitiativeFact:
    """A named party-building programme found in a sentence (initiatives.py)."""

    name: str  # normalised name, quotes removed: "一心二站三室"
    category: str  # one of Initiative.Category values
    sentence: str
    offset: int  # start of the sentence in the article body
    type: str = ""  # slug of an InitiativeType ("industry-chain-alliance"), "" when none fits


@dataclass
class MetricFact:
    """A numeric fact found in a sentence (metrics.py)."""

    label: str  # what is counted: "总投资"
    raw: str  # as printed: "总投资50亿元"
    value: float  # 50.0
    unit: str  # "亿元"
    normalized_value: float  # 5000000000.0
    normalized_unit: str  # "元"
    qualifier: str = "exact"  # exact | approximate | at_least | at_most
    value_max: float | None = None  # for ranges: "2-3名" -> value 2, value_max 3
    normalized_max: float | None = None
    year: int | None = None
    period: str = ""  # "今年上半年", "1-5月"
    sentence: str = ""
    offset: int = 0  # start of the sentence in the article body
    indicator: str = ""  # slug of the Indicator it measures ("total-investment"), "" when none fits
    kind: str = "actual"  # actual | target | change | range | share (Metric.Kind)
    value_from: float | None = None  # a change's first end: "由12家增至56家" -> value_from 12, value 56
    normalized_from: float | None = None
    # Later statements of the same figure in the article (a lead repeating the body):
    # [(offset, sentence, raw)], each stored as one more mention of it.
    restated: list = field(default_factory=list)
    scope: str = "zone"  # whose figure: "zone", or "city"/"province" (全市…, 七星区…: not the zone's)
