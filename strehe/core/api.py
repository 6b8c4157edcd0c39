from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework.exceptions import NotFound


# It changes nothing, so a POST needs no CSRF check (which would answer with an HTML page).
@csrf_exempt
def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any /api/ address that names no endpoint: a JSON 404 in the API's one error shape
    (strehe.api.errors), not the HTML page."""
    body = {"error": NotFound.default_code, "detail": str(NotFound.default_detail), "fields": {}}
    return JsonResponse(body, status=404)


# Read by the authorization matrix test, which requires every API view to say this.
api_not_found.shows_personal_data = False  # type: ignore[attr-defined]
