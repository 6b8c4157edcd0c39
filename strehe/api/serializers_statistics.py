"""What the statistics endpoints answer and accept, described for the OpenAPI schema.

The parameters are the statistics form's (strehe.statistics.forms.StatisticsForm), which the
views validate with; the serializers here only describe them, with the form's own choices, so
the schema cannot drift from what is accepted. The answers are rendered through the serializers,
so they cannot drift from the schema either. Descriptions are for the developers who read the
schema, in English, as the views' docstrings the schema also shows.
"""

from typing import Any

from rest_framework import serializers

from strehe.statistics.dimensions import DIMENSIONS
from strehe.statistics.forms import StatisticsForm
from strehe.statistics.report import LANGUAGES
from strehe.statistics.selectors import REGISTERED


def _form_choices(name: str) -> list[tuple[str, Any]]:
    """The choices of the statistics form's field, without its empty one."""
    field: Any = StatisticsForm.base_fields[name]
    return [(value, label) for value, label in field.choices if value != ""]


DIMENSION_VALUES = list(DIMENSIONS)
LANGUAGE_VALUES = list(LANGUAGES)


# Dimensions and languages come under several field names; their enums are named once in the
# schema by settings.SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].
class DimensionField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=_form_choices("by"), **kwargs)


class LanguageField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=LANGUAGE_VALUES, **kwargs)


LANGUAGE_HELP = (
    "The language of labels and narrative: sq, sr (Latin script) or en. By default the "
    "request's language (Accept-Language)."
)


# Fields named `fields` and `label` below shadow attributes of DRF's classes for mypy only: the
# serializers' metaclass takes declared fields off the class.


class StatisticsQuerySerializer(serializers.Serializer[Any]):
    """The staff statistics page's parameters, and `lang`."""

    date_from = serializers.DateField(help_text=("First day of the period, 1990-01-01 or later."))
    date_to = serializers.DateField(help_text=("Last day of the period, at most today."))
    status = serializers.ChoiceField(choices=_form_choices("status"), default=REGISTERED)
    decided_by = serializers.ChoiceField(
        choices=_form_choices("decided_by"),
        required=False,
        help_text=("Only decisions taken by this type of organisation."),
    )
    by = DimensionField()
    then_by = DimensionField(
        required=False,
        help_text=("A second dimension, different from the first: a two-way table."),
    )
    age_bands = serializers.ChoiceField(choices=_form_choices("age_bands"), required=False)
    public = serializers.BooleanField(
        required=False, help_text=("As it would be published: small cells suppressed.")
    )
    lang = LanguageField(required=False, help_text=LANGUAGE_HELP)


class PublicStatisticsQuerySerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField(
        required=False,
        min_value=1990,
        max_value=9999,
        help_text=("A year with figures; by default the latest whole year that has some."),
    )
    lang = LanguageField(required=False, help_text=LANGUAGE_HELP)


class CellSerializer(serializers.Serializer[Any]):
    key = serializers.CharField(
        help_text=("The code: ISO 3166 country, HTCDS value, age band as written, or unknown.")
    )
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField(allow_null=True, min_value=0)
    suppressed = serializers.BooleanField()


class TableSerializer(serializers.Serializer[Any]):
    """The persons by one dimension; a suppressed cell has no count."""

    dimension = DimensionField()
    label = serializers.CharField()  # type: ignore[assignment]
    multi_valued = serializers.BooleanField(
        help_text=(
            "A person may count in several cells (forms of exploitation): the cells do not add "
            "up to the total."
        )
    )
    cells = CellSerializer(many=True)
    suppressed_total = serializers.IntegerField(
        allow_null=True,
        min_value=0,
        help_text=(
            "The persons of the suppressed cells together (the total minus the published "
            "cells); null where cells do not add up to the total or the total is suppressed."
        ),
    )


class CrossCellSerializer(serializers.Serializer[Any]):
    values = serializers.DictField(
        child=serializers.CharField(), help_text=("Dimension → key of this cell.")
    )
    labels = serializers.DictField(child=serializers.CharField())
    count = serializers.IntegerField(allow_null=True, min_value=0)
    suppressed = serializers.BooleanField()


class CrosstabSerializer(serializers.Serializer[Any]):
    dimensions = serializers.ListField(child=DimensionField(), min_length=2, max_length=2)
    cells = CrossCellSerializer(many=True)


class NarrativesSerializer(serializers.Serializer[Any]):
    sq = serializers.CharField(allow_blank=True)
    sr = serializers.CharField(allow_blank=True)
    en = serializers.CharField(allow_blank=True)


class StatisticsSerializer(serializers.Serializer[Any]):
    """Counts of persons, each once, for the parameters given."""

    date_from = serializers.DateField()
    date_to = serializers.DateField()
    status = serializers.ChoiceField(choices=_form_choices("status"))
    decided_by = serializers.ChoiceField(choices=_form_choices("decided_by"), allow_null=True)
    by = serializers.ListField(child=DimensionField(), min_length=1, max_length=2)
    age_bands = serializers.ListField(child=serializers.CharField())
    public = serializers.BooleanField()
    unit = serializers.CharField()
    threshold = serializers.IntegerField(
        allow_null=True, help_text=("With public: the smallest count published, zero aside.")
    )
    total = serializers.IntegerField(allow_null=True, min_value=0)
    language = LanguageField()
    narrative = serializers.CharField(allow_blank=True)
    narratives = NarrativesSerializer()
    tables = TableSerializer(many=True)
    crosstab = CrosstabSerializer(allow_null=True)


class PublishedStatisticsSerializer(serializers.Serializer[Any]):
    """What the public statistics page publishes for a year, suppressed the same way."""

    year = serializers.IntegerField(allow_null=True, help_text=("Null: nothing published yet."))
    years = serializers.ListField(child=serializers.IntegerField())
    date_from = serializers.DateField(allow_null=True)
    date_to = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    unit = serializers.CharField()
    threshold = serializers.IntegerField()
    total = serializers.IntegerField(allow_null=True, min_value=0)
    language = LanguageField()
    narrative = serializers.CharField(allow_blank=True)
    tables = TableSerializer(many=True)
