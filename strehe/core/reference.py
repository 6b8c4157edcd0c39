"""Writing rows of reference data loaded from files, without undoing what staff edited."""

from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def reference_row(
    model: type[M], *, overwrite: bool, defaults: dict[str, Any], **lookup: Any
) -> tuple[M, bool]:
    """The row of `model` named by `lookup`, created from `defaults` when it is missing.

    An existing row is left as it is, because staff may have corrected it in the admin (a
    shelter's capacity, a page's text); only `overwrite` (loadreference --overwrite) puts the
    file's values back. Returns the row and whether the file's values were written to it.
    """
    if overwrite:
        row, _created = model._default_manager.update_or_create(defaults=defaults, **lookup)
        return row, True
    return model._default_manager.get_or_create(defaults=defaults, **lookup)
