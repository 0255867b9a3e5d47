import pytest
from django.urls import reverse

from zones.models import Zone

pytestmark = pytest.mark.django_db


def test_directory_lists_every_national_zone_under_its_province(client, reference_zones):
    response = client.get(reverse("zones:directory"))
    assert response.status_code == 200
    html = response.content.decode()
    for zone in Zone.objects.all():
        assert zone.name in html
    assert html.index("北京市") < html.index("安徽省") < html.index("新疆维吾尔自治区")


def test_every_zone_page_answers(client, reference_zones):
    for zone in Zone.objects.all()[:40]:
        response = client.get(zone.get_absolute_url())
        assert response.status_code == 200
        assert zone.name in response.content.decode()


def test_unknown_zone_is_404(client):
    assert client.get("/zones/no-such-zone/").status_code == 404


def test_home_answers(client, reference_zones):
    response = client.get("/")
    assert response.status_code == 200
    assert "高新区党建知识库" in response.content.decode()


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    for url in ("/admin/zones/zone/", "/admin/articles/article/"):
        assert client.get(url).status_code == 302


def test_admin_opens_for_staff(admin_client, reference_zones):
    assert admin_client.get("/admin/zones/zone/").status_code == 200
