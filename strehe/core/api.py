from django.http import HttpRequest, JsonResponse
from rest_framework.exceptions import NotFound


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any /api/ address that names no endpoint: DRF's JSON 404, not the HTML page."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)


# Read by the authorization matrix test, which requires every API view to say this.
api_not_found.shows_personal_data = False  # type: ignore[attr-defined]
