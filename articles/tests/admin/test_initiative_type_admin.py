"""A curator sets an initiative's type in the admin; the next ingest keeps it."""
from dataclasses import replace

import pytest

from articles.ingest.upsert import upsert_page
from articles.models import Initiative, InitiativeType
from articles.tests.admin.test_admin import change_form_data, change_url, changelist, page_result

pytestmark = pytest.mark.django_db


def reading_with_type(slug):
    result = page_result()
    item = result.articles[0]
    item.initiatives = [replace(fact, type=slug) for fact in item.initiatives]
    return result


def test_a_curators_type_is_curated_and_survives_a_reingest(admin_client, huaibei):
    chain = InitiativeType.objects.create(slug="industry-chain-alliance", name="产业链党建联盟")
    park = InitiativeType.objects.create(slug="park-party-alliance", name="园区党建联盟")
    upsert_page(result=reading_with_type("industry-chain-alliance"))
    initiative = Initiative.objects.get()
    assert initiative.type == chain

    url = change_url(initiative)
    data = change_form_data(admin_client.get(url))
    data["type"] = str(park.pk)
    assert admin_client.post(url, data).status_code == 302

    initiative.refresh_from_db()
    assert (initiative.type, initiative.curated_fields) == (park, ["type"])
    upsert_page(result=reading_with_type("industry-chain-alliance"))
    initiative.refresh_from_db()
    assert initiative.type == park

    listed = admin_client.get(changelist("initiative"), {"type__id__exact": park.pk})
    assert listed.context["cl"].result_count == 1
