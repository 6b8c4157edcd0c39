import pytest
from django.apps import apps
from django.core.management import call_command


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_loading_reference_data_twice_leaves_every_table_with_the_same_rows():
    call_command("loadreference", verbosity=0)
    after_first = row_counts()
    call_command("loadreference", verbosity=0)
    after_second = row_counts()

    assert after_first == after_second
    assert after_first["directory.Municipality"] == 38


@pytest.mark.django_db
def test_make_run_order_reference_then_demo_twice_leaves_the_same_rows(settings):
    """`make run` runs migrate, loadreference and loaddemo at every start."""
    settings.DEMO_MODE = True

    call_command("loadreference", verbosity=0)
    call_command("loaddemo")
    after_first = row_counts()
    call_command("loadreference", verbosity=0)
    call_command("loaddemo")
    after_second = row_counts()

    assert after_first == after_second
    assert after_first["directory.Organisation"] > 0
