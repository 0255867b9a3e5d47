"""An initiative type's page in a real browser, on a desktop and on a phone."""
import pytest

from articles.models import InitiativeType
from articles.tests.factories import make_article, make_initiative
from zones.models import Zone

pytest.importorskip("playwright")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALLIANCES = [
    ("淮北高新区", "锂电产业链党建联盟",
     "今年4月，淮北高新区党工委以组织链串起产业链，由国轩锂电、理士新能源等14家锂电产业链上企业联合成立锂电产业链党建联盟。"),
    ("株洲高新区", "轨道交通装备产业链党建联盟",
     "今年以来，株洲高新区轨道交通装备产业链党建联盟组织16家中小企业组团参加海外展会。"),
    ("烟台高新区", "产业链党建联盟", "烟台高新区成立产业链党建联盟，推动链上企业党组织结对共建。"),
    ("烟台高新区", "生物医药产业链党建联盟", "烟台高新区又成立生物医药产业链党建联盟。"),
]


@pytest.fixture
def chain(reference_zones):
    chain = InitiativeType.objects.create(
        slug="industry-chain-alliance", name="产业链党建联盟", category="industry_chain",
        synonyms=["产业党建联盟", "一链一联盟"],
        description="链上企业、职能部门和院所的党组织按一条产业链结成联盟，联席会议、轮值坐庄，以组织链带动产业链。",
    )
    for zone_name, name, sentence in ALLIANCES:
        zone = Zone.objects.get(name=zone_name)
        article = make_article(title=f"{zone_name}党建引领产业链", body=sentence, zone=zone, year=2023)
        make_initiative(name, article=article, sentence=sentence, category="industry_chain", type=chain)
    return chain


@pytest.mark.parametrize("width", [1280, 390])
def test_a_type_page_shows_every_zone_and_its_sentences_without_sideways_scrolling(live_server, page, chain, width, screenshot):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/initiative-types/industry-chain-alliance/")
    assert page.locator("h1").inner_text() == "产业链党建联盟"
    assert page.locator(".type-zone").count() == 3
    assert page.locator(".type-zone blockquote").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"types-initiative-type-{width}", full_page=True)

    page.get_by_role("link", name="原文").first.click()
    assert "党建引领产业链" in page.locator("h1").inner_text()
    assert page.console_errors == []


def test_the_type_list_leads_to_the_type_page(live_server, page, chain, screenshot):
    page.goto(f"{live_server.url}/initiative-types/")
    screenshot(page, "types-initiative-types-1280", full_page=True)
    page.get_by_role("link", name="产业链党建联盟").first.click()
    assert "3 个" in page.locator(".profile").inner_text()  # 开展的高新区: 淮北, 株洲, 烟台
    assert page.url.endswith("/initiative-types/industry-chain-alliance/")
