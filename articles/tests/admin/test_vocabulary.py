"""The vocabularies in the admin: list, filter, search, a curator's edit kept through a reload."""
import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Indicator, InitiativeType, Tombstone
from articles.tests.factories import make_article, make_metric

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary():
    call_command("load_vocabulary", verbosity=0)


def changelist(model):
    return reverse(f"admin:articles_{model}_changelist")


def listed(response):
    return {obj.name for obj in response.context["cl"].result_list}


def form_data(indicator, **changes):
    """What the change form posts back: lists one per line, as a curator edits them."""
    data = {
        "name": indicator.name, "slug": indicator.slug, "dimension": indicator.dimension,
        "position": indicator.position, "description": indicator.description,
        "units": "\r\n".join(indicator.units), "synonyms": "\r\n".join(indicator.synonyms),
        "patterns": "\r\n".join(indicator.patterns),
    }
    # The lists have callable defaults: the page sends their initial values back too.
    data.update({f"initial-{name}": "\n".join(getattr(indicator, name)) for name in ("units", "synonyms", "patterns")})
    data.update(changes)
    return data


def test_indicators_are_listed_filtered_by_dimension_and_found_by_a_synonym(admin_client, vocabulary):
    response = admin_client.get(changelist("indicator"))
    assert response.status_code == 200
    assert Indicator.objects.count() == len(listed(response))

    money = listed(admin_client.get(changelist("indicator"), {"dimension": "money"}))
    assert "总投资" in money and "党员人数" not in money

    assert listed(admin_client.get(changelist("indicator"), {"q": "计划总投资"})) == {"总投资"}
    assert "总投资" in listed(admin_client.get(changelist("indicator"), {"q": "total-investment"}))


def test_the_indicator_list_counts_its_figures(admin_client, vocabulary):
    metric = make_metric(make_article())
    metric.indicator = Indicator.objects.get(slug="total-investment")
    metric.save()
    response = admin_client.get(changelist("indicator"), {"q": "total-investment"})
    row = next(obj for obj in response.context["cl"].result_list if obj.slug == "total-investment")
    assert row.n_metrics == 1


def test_initiative_types_are_listed_and_found(admin_client, vocabulary):
    response = admin_client.get(changelist("initiativetype"), {"q": "党建+招商"})
    assert response.status_code == 200
    assert "党建+招商" in listed(response)
    assert admin_client.get(reverse("admin:articles_initiativetype_add")).status_code == 200


def test_an_edit_is_recorded_as_curated_and_kept_through_the_next_load(admin_client, vocabulary):
    indicator = Indicator.objects.get(slug="total-investment")
    url = reverse("admin:articles_indicator_change", args=[indicator.pk])
    assert admin_client.get(url).status_code == 200

    synonyms = "\r\n".join([*indicator.synonyms, "总投入"])
    response = admin_client.post(url, form_data(indicator, synonyms=synonyms))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.curated_fields == ["synonyms"]
    assert indicator.synonyms[-1] == "总投入"

    call_command("load_vocabulary", verbosity=0)
    indicator.refresh_from_db()
    assert indicator.synonyms[-1] == "总投入"


def test_an_untouched_form_records_nothing(admin_client, vocabulary):
    indicator = Indicator.objects.get(slug="satisfaction")
    url = reverse("admin:articles_indicator_change", args=[indicator.pk])
    assert admin_client.post(url, form_data(indicator)).status_code == 302
    indicator.refresh_from_db()
    assert indicator.curated_fields == []


def test_a_broken_pattern_is_a_form_error_not_a_rule(admin_client, vocabulary):
    indicator = Indicator.objects.get(slug="total-investment")
    url = reverse("admin:articles_indicator_change", args=[indicator.pk])
    response = admin_client.post(url, form_data(indicator, patterns="总投资("))
    assert response.status_code == 200
    assert "不是有效的正则表达式" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.patterns == [] and indicator.curated_fields == []


def test_a_deleted_entry_leaves_no_tombstone_and_comes_back_with_the_next_load(admin_client, vocabulary):
    indicator = Indicator.objects.get(slug="satisfaction")
    url = reverse("admin:articles_indicator_delete", args=[indicator.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Indicator.objects.filter(slug="satisfaction").exists()
    assert not Tombstone.objects.exists()

    call_command("load_vocabulary", verbosity=0)
    assert Indicator.objects.filter(slug="satisfaction").exists()
    assert InitiativeType.objects.exists()
