"""The strict Content-Security-Policy, as a real browser enforces it: nothing on the site breaks."""
import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(reference_zones):
    from articles.search.dictionary import reset_dictionary

    call_command("load_vocabulary", verbosity=0)  # the metrics page charts figures by indicator
    call_command("ingest", str(settings.SEEDS_DIR), verbosity=0)
    yield
    reset_dictionary()  # the ingest taught the process-wide dictionary the seeds' names


def blocked(page):
    return [message for message in page.console_errors if "Content Security Policy" in message]


def test_charts_and_the_admin_work_under_the_policy(live_server, page, seeded, django_user_model):
    # One test for both: ingesting the seeds is most of its time.
    page.goto(f"{live_server.url}/metrics/")
    canvas = page.locator("[data-chart] canvas").first
    canvas.wait_for()
    box = canvas.bounding_box()
    assert box["height"] > 100  # drawn, at the height the script gave it
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 30)
    page.wait_for_timeout(300)
    assert blocked(page) == [] and page.console_errors == []

    django_user_model.objects.create_superuser("boss", password="right-Pass-123")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "right-Pass-123")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/articles/article/")
    # The change list's filter sidebar is an inline <style>; its scripts are files.
    page.locator("#changelist-filter").wait_for()
    page.locator("#result_list tbody a").first.click()
    page.wait_for_load_state("load")
    assert "/change/" in page.url
    assert blocked(page) == []
