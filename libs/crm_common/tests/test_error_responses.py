"""error_responses documents several errors, keeping each one even when they share a status."""

from crm_common.errors import Conflict, NotFound, RateLimited, error_responses


class DuplicateCode(Conflict):
    error_code = "duplicate_code"
    message = "The code is taken."


def test_errors_sharing_a_status_become_named_examples() -> None:
    responses = error_responses(NotFound, Conflict, DuplicateCode, RateLimited)

    assert sorted(responses) == [404, 409, 429]
    conflict = responses[409]["content"]["application/json"]["examples"]
    assert set(conflict) == {"conflict", "duplicate_code"}
    assert conflict["duplicate_code"]["value"] == {
        "error_code": "duplicate_code",
        "message": "The code is taken.",
        "details": {},
    }
    assert "The code is taken." in responses[409]["description"]
    assert Conflict.message in responses[409]["description"]
    assert list(responses[404]["content"]["application/json"]["examples"]) == ["not_found"]
