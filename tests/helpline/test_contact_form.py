"""The operators' form logs a call in a few fields with sensible defaults and clear errors."""

from django.utils import translation

from strehe.helpline.forms import ContactForm
from strehe.helpline.models import Contact
from strehe.helpline.services import contact_create


def test_the_form_presets_channel_and_language_but_no_answer_about_the_call(operator):
    form = ContactForm(recorded_by=operator)

    assert form["channel"].value() == "phone"
    assert form["language"].value() == "sq"
    assert form["anonymous"].value() is True
    for name in ("caller_type", "topic", "outcome"):
        assert form[name].value() is None, name


def test_each_answer_list_starts_empty_and_must_be_answered(operator):
    form = ContactForm(recorded_by=operator)

    for name in ("caller_type", "topic", "outcome"):
        assert form.fields[name].choices[0][0] == "", name
        assert form.fields[name].required, name


def test_a_few_fields_suffice_and_the_service_saves_them(operator):
    form = ContactForm(
        data={
            "channel": "phone",
            "language": "sr",
            "caller_type": "possible_victim",
            "topic": "domestic_violence",
            "outcome": "advice_given",
            "anonymous": "on",
        },
        recorded_by=operator,
    )

    assert form.is_valid(), form.errors
    contact = contact_create(actor=operator, **form.contact_data())
    assert Contact.objects.get(pk=contact.pk).language == "sr"


def test_bad_input_shows_field_errors_and_saves_nothing(operator):
    form = ContactForm(
        data={"channel": "pigeon", "language": "sq", "outcome": "advice_given"},
        recorded_by=operator,
    )

    assert not form.is_valid()
    assert set(form.errors) == {"channel", "caller_type", "topic"}
    assert Contact.objects.count() == 0


def test_an_operator_may_record_a_named_caller(operator):
    form = ContactForm(
        data={
            "channel": "walk_in",
            "language": "en",
            "caller_type": "professional",
            "topic": "information",
            "outcome": "no_action",
        },
        recorded_by=operator,
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["anonymous"] is False


def test_labels_and_choices_render_in_albanian_and_serbian(operator):
    with translation.override("sq"):
        albanian = ContactForm(recorded_by=operator).as_div()
    with translation.override("sr"):
        serbian = ContactForm(recorded_by=operator).as_div()

    assert "Trafikimi i qenieve njerëzore" in albanian
    assert "Trgovina ljudima" in serbian
