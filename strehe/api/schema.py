"""How the OpenAPI schema describes our authentication (loaded by the app's ready())."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "strehe.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, made on the user's API tokens page.",
        }


# Every error has one shape (strehe.api.errors); the schema says so for every operation, so that
# a client, and schemathesis, can check error bodies as strictly as answers.
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "detail", "fields"],
    "properties": {
        "error": {"type": "string"},
        "detail": {"type": "string"},
        "fields": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
ERRORS = {
    "400": "Invalid input; `fields` names each field's errors.",
    "401": "No valid token or session.",
    "403": "The user's role or side may not do this.",
    "404": "No such record, or one the user may not see.",
    "429": "Too many requests; try again later.",
}
# Refusals of the placement service with a status of their own.
REFUSALS = {
    ("/api/v1/placements/", "post"),
    ("/api/v1/placements/{placement_id}/transfer/", "post"),
}
REFUSAL_ERRORS = {
    "409": "`shelter_full`: no bed is free.",
    "422": "`not_eligible`: a rule excludes the shelter; `fields.shelter` names each.",
}


def error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: the error responses of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            errors = dict(ERRORS)
            if (path, method) in REFUSALS:
                errors |= REFUSAL_ERRORS
            responses = operation.setdefault("responses", {})
            for status, description in errors.items():
                responses.setdefault(status, {"description": description, "content": reference})
    return result
