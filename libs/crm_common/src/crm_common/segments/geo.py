"""Great-circle distance, written once for SQL and once for Python with identical arithmetic
(same operations in the same order on the same doubles) so both agree at the boundary."""

from __future__ import annotations

import math

from sqlalchemy import ColumnElement, Float, and_, func, literal, or_

from crm_common.segments import Radius

EARTH_RADIUS_KM = 6371.0088
_RADIANS_PER_DEGREE = math.pi / 180.0
# The bounding box is widened by this much so rounding can never cut off a point inside.
_SLACK = 1e-9


def _f(value: float) -> ColumnElement[float]:
    return literal(value, Float(precision=53))


def haversine_km(lat: float, lon: float, radius: Radius) -> float:
    """The distance in km from `radius`'s centre to (`lat`, `lon`)."""
    lat0 = radius.lat * _RADIANS_PER_DEGREE
    lon0 = radius.lon * _RADIANS_PER_DEGREE
    cos0 = math.cos(lat0)
    lat_r = lat * _RADIANS_PER_DEGREE
    lon_r = lon * _RADIANS_PER_DEGREE
    s_lat = math.sin((lat_r - lat0) / 2.0)
    s_lon = math.sin((lon_r - lon0) / 2.0)
    a = s_lat * s_lat + math.cos(lat_r) * cos0 * (s_lon * s_lon)
    return 2.0 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_sql(
    lat: ColumnElement[float], lon: ColumnElement[float], radius: Radius
) -> ColumnElement[float]:
    """The same distance as `haversine_km`, as a SQL expression over two columns."""
    lat0 = radius.lat * _RADIANS_PER_DEGREE
    lon0 = radius.lon * _RADIANS_PER_DEGREE
    cos0 = math.cos(lat0)
    lat_r = lat * _f(_RADIANS_PER_DEGREE)
    lon_r = lon * _f(_RADIANS_PER_DEGREE)
    s_lat = func.sin((lat_r - _f(lat0)) / _f(2.0))
    s_lon = func.sin((lon_r - _f(lon0)) / _f(2.0))
    a = s_lat * s_lat + func.cos(lat_r) * _f(cos0) * (s_lon * s_lon)
    return _f(2.0 * EARTH_RADIUS_KM) * func.asin(func.least(_f(1.0), func.sqrt(a)))


def bounding_box(
    lat: ColumnElement[float], lon: ColumnElement[float], radius: Radius
) -> ColumnElement[bool]:
    """A latitude/longitude range holding every point within the radius (a superset, so an
    index on the coordinates can narrow the rows before the exact distance is computed)."""
    angular = radius.km / EARTH_RADIUS_KM
    dlat = math.degrees(angular) * (1 + _SLACK) + _SLACK
    box: list[ColumnElement[bool]] = [lat.between(_f(radius.lat - dlat), _f(radius.lat + dlat))]
    spread = math.sin(angular) / math.cos(math.radians(radius.lat)) if angular < math.pi / 2 else 2
    if abs(radius.lat) + dlat < 90.0 and spread < 1.0:
        dlon = math.degrees(math.asin(spread)) * (1 + _SLACK) + _SLACK
        west, east = radius.lon - dlon, radius.lon + dlon
        if west < -180.0:
            box.append(or_(lon >= _f(west + 360.0), lon <= _f(east)))
        elif east > 180.0:
            box.append(or_(lon >= _f(west), lon <= _f(east - 360.0)))
        else:
            box.append(lon.between(_f(west), _f(east)))
    return and_(*box)
