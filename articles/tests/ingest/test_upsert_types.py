"""The upsert stores an initiative's type from the fact's slug, unless a curator set it."""
import pytest

from articles.ingest.upsert import upsert_page
from articles.models import Initiative, InitiativeType
from articles.tests.factories import make_zone
from articles.tests.ingest.test_upsert import SENTENCE_1, alliance, article, page

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain_alliance():
    make_zone("淮北高新区", province="安徽省", city="淮北市")
    return InitiativeType.objects.create(slug="industry-chain-alliance", name="产业链党建联盟")


def typed(slug):
    fact = alliance(len(SENTENCE_1) + 1)
    fact.type = slug
    return article(initiatives=[fact])


def test_the_initiative_gets_the_type_its_fact_names(chain_alliance):
    upsert_page(result=page(typed("industry-chain-alliance")))
    initiative = Initiative.objects.get()
    assert initiative.type == chain_alliance
    assert initiative.ingested_values["type"] == "industry-chain-alliance"


def test_a_later_reading_changes_the_type_but_not_one_a_curator_set(chain_alliance):
    upsert_page(result=page(typed("")))
    assert Initiative.objects.get().type is None

    upsert_page(result=page(typed("industry-chain-alliance"), text="第二次读取"))
    assert Initiative.objects.get().type == chain_alliance

    park = InitiativeType.objects.create(slug="park-party-alliance", name="园区党建联盟")
    Initiative.objects.update(type=park, curated_fields=["type"])
    outcome = upsert_page(result=page(typed("industry-chain-alliance"), text="第三次读取"))
    initiative = Initiative.objects.get()
    assert initiative.type == park
    assert initiative.ingested_values["type"] == "industry-chain-alliance"
    assert outcome.counts.initiatives.created == 0


def test_a_slug_with_no_stored_type_leaves_the_initiative_untyped(chain_alliance):
    upsert_page(result=page(typed("no-such-type")))
    assert Initiative.objects.get().type is None
