"""`crm_common.param_facts`: FastAPI's per-parameter questions, answered once per field, give
every parameter of the four service apps the answers FastAPI itself gives, and a request's
parameters are read and refused as before; so do its per-dependency questions, answered once
per dependency and per callable."""

from fastapi.dependencies import utils
from fastapi.routing import APIRoute

from crm_common import param_facts


def _params(dependant):
    """The parameter fields of a route's whole dependency tree, as FastAPI reads them."""
    yield from dependant.path_params
    yield from dependant.query_params
    yield from dependant.header_params
    yield from dependant.cookie_params
    for sub in dependant.dependencies:
        yield from _params(sub)


def _dependants(dependant):
    """A route's dependency and every dependency under it."""
    yield dependant
    for sub in dependant.dependencies:
        yield from _dependants(sub)


def _api_routes(app):
    """Every API route of `app`, those of included routers as FastAPI runs them."""
    for top in app.routes:
        contexts = getattr(top, "effective_route_contexts", None)
        if contexts is not None:
            yield from contexts()
        elif isinstance(top, APIRoute):
            yield top


def _answered_by_fastapi(name):
    return getattr(utils, name).__wrapped__


def test_every_parameter_gets_fastapi_s_own_answers(service_app) -> None:
    app = service_app
    assert getattr(utils, "__crm_param_facts__", False)
    checked = 0
    for route in _api_routes(app):
        if route.dependant is None:  # a WebSocket route: read by its own handler
            continue
        for field in _params(route.dependant):
            for name in param_facts._FIELD_QUESTIONS:
                question, own = getattr(utils, name), _answered_by_fastapi(name)
                assert question(field) == own(field), (route.path, field.name, name)
                assert question(field) == own(field)  # the kept answer, asked again
            annotation = field.field_info.annotation
            for name in param_facts._ANNOTATION_QUESTIONS:
                assert getattr(utils, name)(annotation) == _answered_by_fastapi(name)(annotation)
            aliases = utils._get_param_aliases(field, convert_underscores=True)
            assert aliases == _answered_by_fastapi("_get_param_aliases")(
                field, convert_underscores=True
            )
            checked += 1
    assert checked > 0


def test_installing_twice_wraps_once() -> None:
    param_facts.install()
    wrapped = utils._get_param_model
    param_facts.install()
    assert utils._get_param_model is wrapped
    assert not hasattr(_answered_by_fastapi("_get_param_model"), "__wrapped__")


def test_an_unhashable_annotation_is_answered() -> None:
    question = utils.field_annotation_is_sequence
    assert question(list[int]) is True
    assert question(int) is False

    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

    assert question(Unhashable()) is False


def test_every_dependency_gets_fastapi_s_own_answers(service_app) -> None:
    checked = 0
    for route in _api_routes(service_app):
        if route.dependant is None:
            continue
        for dependant in _dependants(route.dependant):
            for name in param_facts._DEPENDANT_QUESTIONS:
                question, own = getattr(utils, name), _answered_by_fastapi(name)
                expected = own(dependant=dependant, uses_scopes_cache={})
                assert question(dependant=dependant) == expected, (route.path, dependant.name)
                assert question(dependant=dependant, uses_scopes_cache={}) == expected
            for name in param_facts._CALL_QUESTIONS:
                question, own = getattr(utils, name), _answered_by_fastapi(name)
                assert question(dependant.call) == own(dependant.call), (route.path, name)
                assert question(dependant.call) == own(dependant.call)
            checked += 1
    assert checked > 0


class _Subject:
    def __init__(self, value: int) -> None:
        self.value = value


def test_a_subject_is_answered_for_itself_not_for_an_object_that_took_its_id() -> None:
    answered = param_facts._PerObject(lambda subject: subject.value)

    for _ in range(200):
        # Fresh objects, each dropped at once by the caller: the ids CPython hands out again
        # must not bring back another object's answer.
        assert answered(_Subject(1)) == 1
        assert answered(_Subject(2)) == 2


def test_the_kept_answers_stay_bounded() -> None:
    answered = param_facts._PerObject(lambda subject: subject.value)

    subjects = [_Subject(n) for n in range(param_facts._KNOWN_LIMIT + 10)]

    assert [answered(subject) for subject in subjects] == list(range(len(subjects)))
    assert len(answered.known) <= param_facts._KNOWN_LIMIT
    assert answered(subjects[0]) == 0
