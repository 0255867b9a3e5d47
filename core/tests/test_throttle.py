"""Admin login throttling: a username is locked from an address after N failures."""
import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "right-Pass-123"


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_user("curator", password=PASSWORD, is_staff=True)


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def login(client, password, username="curator", **extra):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra)


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_the_right_password_is_refused_after_n_failures(curator, limit):
    client = Client()
    for _ in range(limit - 1):
        response = login(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
    locked = login(client, "wrong")
    assert locked.status_code == 429
    assert "登录已暂停" in locked.content.decode() and int(locked["Retry-After"]) > 0
    refused = login(client, PASSWORD)
    assert refused.status_code == 429
    assert not logged_in(client)


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(curator, limit):
    client = Client()
    for _ in range(limit - 1):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_success_clears_the_count(curator, limit):
    client = Client()
    for _ in range(limit - 1):
        login(client, "wrong")
    login(client, PASSWORD)
    client.logout()
    for _ in range(limit - 1):
        assert login(client, "wrong").status_code == 200
    assert login(client, PASSWORD).status_code == 302


def test_a_lock_holds_one_address_not_the_whole_office(curator, limit):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(limit):
        login(attacker, "wrong")
    assert login(attacker, PASSWORD).status_code == 429
    colleague = Client(REMOTE_ADDR="198.51.100.20")
    assert login(colleague, PASSWORD).status_code == 302


def test_behind_the_proxy_the_address_it_forwarded_is_the_one_locked(curator, limit, settings):
    settings.BEHIND_PROXY = True
    client = Client(REMOTE_ADDR="127.0.0.1")  # every request comes from the proxy
    for _ in range(limit):
        # The client may put anything first; the proxy appends the address it saw.
        login(client, "wrong", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert login(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    # Another visitor through the same proxy logs in.
    assert login(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302


def test_an_administrator_can_unlock(curator, limit):
    client = Client()
    for _ in range(limit):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 429
    call_command("axes_reset", verbosity=0)
    assert login(client, PASSWORD).status_code == 302


def test_the_limit_comes_from_the_environment(settings_from_env):
    conf = settings_from_env(DEBUG="1", LOGIN_FAILURE_LIMIT="7", LOGIN_COOLOFF_MINUTES="30")
    assert (conf["AXES_FAILURE_LIMIT"], conf["AXES_COOLOFF_TIME"].total_seconds()) == (7, 1800.0)


def test_the_test_client_login_still_works(client, curator):
    # authenticate() without a request (tests, shells) is not throttled, and not broken.
    assert client.login(username="curator", password=PASSWORD)
