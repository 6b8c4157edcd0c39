import pytest
from django.apps import apps
from django.core.management import CommandError, call_command


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_loading_demo_data_twice_leaves_every_table_with_the_same_rows(settings, capsys):
    settings.DEMO_MODE = True
    call_command("loadreference", verbosity=0)

    call_command("loaddemo")
    after_first = row_counts()
    call_command("loaddemo")
    after_second = row_counts()

    assert after_first == after_second
    assert after_first["accounts.User"] >= 1
    assert "demo-admin" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_data_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False

    with pytest.raises(CommandError, match="demo mode"):
        call_command("loaddemo")

    assert row_counts()["accounts.User"] == 0


@pytest.mark.django_db
def test_demo_data_asks_for_the_reference_data_first(settings):
    settings.DEMO_MODE = True

    with pytest.raises(CommandError, match="loadreference"):
        call_command("loaddemo")

    assert row_counts()["accounts.User"] == 0
