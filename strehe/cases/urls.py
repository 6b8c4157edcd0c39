from django.urls import path

from . import views
from . import views_assignment as assignment
from . import views_editing as editing
from . import views_identification as identification
from . import views_print as printing

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("<str:code>/", views.case_detail, name="detail"),
    path("<str:code>/access/", views.case_access_log, name="access_log"),
    path("<str:code>/stage/", views.case_stage, name="stage"),
    path("<str:code>/risk/", views.case_risk, name="risk"),
    path("<str:code>/consents/", views.case_consent, name="consent"),
    # The consent is a POST field, not a path argument: every action URL takes the code alone.
    path("<str:code>/consents/withdraw/", views.case_consent_withdraw, name="consent_withdraw"),
    path("<str:code>/sharing/", views.case_sharing, name="sharing"),
    path("<str:code>/sharing/end/", views.case_sharing_end, name="sharing_end"),
    path("<str:code>/notes/", views.case_note, name="note"),
    path("<str:code>/events/", views.case_event, name="event"),
    path("<str:code>/exploitation/", views.case_exploitation, name="exploitation"),
    path("<str:code>/follow-ups/", views.case_follow_up, name="follow_up"),
    path("<str:code>/follow-ups/status/", views.case_follow_up_status, name="follow_up_status"),
    path("<str:code>/same-person/", views.case_same_person, name="same_person"),
    path("<str:code>/same-person/undo/", views.case_same_person_undo, name="same_person_undo"),
    path("<str:code>/identification/", identification.case_identification, name="identification"),
    # Corrections with history (views_editing).
    path("<str:code>/person/", editing.case_person, name="person"),
    path("<str:code>/narrative/", editing.case_narrative, name="narrative"),
    path("<str:code>/notes/correct/", editing.case_note_correct, name="note_correct"),
    path("<str:code>/events/correct/", editing.case_event_correct, name="event_correct"),
    # Assignment, transfer and the printable summary (views_assignment, views_print).
    path("<str:code>/assign/", assignment.case_assign, name="assign"),
    path("<str:code>/transfer/", assignment.case_transfer, name="transfer"),
    path("<str:code>/print/", printing.case_print, name="print"),
    path("<str:code>/print/pdf/", printing.case_pdf, name="pdf"),
]
