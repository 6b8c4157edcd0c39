from django.apps import AppConfig


class SetupConfig(AppConfig):
    """Commands that set up or maintain a whole installation and so import every app:
    loading reference and demo data, re-encrypting with new keys. Kept out of `core`, which
    imports nothing of ours, so that the layers stay one-way."""

    name = "strehe.setup"
    label = "strehe_setup"
